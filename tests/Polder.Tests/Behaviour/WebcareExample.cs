using Polder.Community;

namespace Polder.Tests.Behaviour;

/// <summary>
/// A hand-built webcare community around the start of summer time (31 March 2024, 02:00 → 03:00 in the Netherlands).
/// Expected values in the tests are computed by hand in the comments.
/// </summary>
internal static class WebcareExample
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);

    public static OnlineCommunity Build()
    {
        var b = new CommunityBuilder();
        var gemeente = new Actor
        {
            Id = "gemeente", Role = ActorRole.Organisation,
            Attributes = new Dictionary<string, string> { [Actor.OrganisationType] = "gemeente", [Actor.Municipality] = "Utrecht" },
        };
        var anna = new Actor { Id = "anna", Role = ActorRole.Citizen, Attributes = new Dictionary<string, string> { [Actor.Neighbourhood] = "Oost" } };
        var bob = new Actor { Id = "bob", Role = ActorRole.Citizen, Attributes = new Dictionary<string, string> { [Actor.Neighbourhood] = "West" } };
        // T1: anna asks (22:00Z), bob chimes in, gemeente answers 9 real hours later (10 wall-clock hours across the DST jump)
        b.Add(P("p1", "anna", new(2024, 3, 30, 23, 0, 0, Cet), text: "@gemeente container vol", mentions: ["gemeente"], likes: 5, shares: 2), anna);
        b.Add(P("p2", "bob", new(2024, 3, 31, 1, 0, 0, Cet), parent: "p1"), bob);
        b.Add(P("p3", "gemeente", new(2024, 3, 31, 9, 0, 0, Cest), parent: "p1"), gemeente);
        b.Add(P("p4", "anna", new(2024, 3, 31, 10, 0, 0, Cest), parent: "p3"), anna);
        // T2: never answered
        b.Add(P("p5", "bob", new(2024, 4, 1, 12, 0, 0, Cest), mentions: ["gemeente"]), bob);
        // T3: gemeente announces, anna reacts and replies to herself, gemeente answers 30 minutes after anna's first message
        b.Add(P("p6", "gemeente", new(2024, 4, 2, 9, 0, 0, Cest), likes: 10), gemeente);
        b.Add(P("p7", "anna", new(2024, 4, 2, 9, 30, 0, Cest), parent: "p6"), anna);
        b.Add(P("p8", "anna", new(2024, 4, 2, 9, 40, 0, Cest), parent: "p7"), anna);
        b.Add(P("p9", "gemeente", new(2024, 4, 2, 10, 0, 0, Cest), parent: "p8"), gemeente);
        // a reply to a post not in the data; local Thursday 00:30 = Wednesday 22:30 UTC
        b.Add(P("p10", "bob", new(2024, 4, 4, 0, 30, 0, Cest), parent: "x999"), bob);
        return b.Build();
    }

    private static Post P(string id, string author, DateTimeOffset time, string? parent = null, string text = "", string[]? mentions = null, int likes = 0, int shares = 0) =>
        new()
        {
            Id = id, AuthorId = author, Time = time, ParentId = parent, Text = text, Kind = parent is null ? PostKind.Post : PostKind.Reply,
            Mentions = mentions ?? [], Likes = likes, Shares = shares,
        };
}
