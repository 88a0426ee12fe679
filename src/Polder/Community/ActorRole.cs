namespace Polder.Community;

/// <summary>The role an actor plays in a community.</summary>
public enum ActorRole
{
    /// <summary>Not known from the data.</summary>
    Unknown = 0,
    /// <summary>A private person.</summary>
    Citizen = 1,
    /// <summary>A government organisation or its webcare account (gemeente, provincie, politie …).</summary>
    Organisation = 2,
    /// <summary>A company, shop or other business.</summary>
    Business = 3,
    /// <summary>A politician or party account.</summary>
    Politician = 4,
    /// <summary>A news medium or journalist.</summary>
    Media = 5,
}
