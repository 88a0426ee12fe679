namespace Polder.Service.Api;

/// <summary>Which community ids the API accepts: 1–100 characters of letters, digits, '-', '_' and '.'.</summary>
public static class CommunityId
{
    /// <summary>Whether <paramref name="id"/> is a valid community id.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100) return false;
        foreach (char c in id) if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        return id is not ("." or "..");
    }
}
