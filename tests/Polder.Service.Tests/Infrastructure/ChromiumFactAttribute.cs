namespace Polder.Service.Tests.Infrastructure;

/// <summary>A fact that drives Debian's headless <c>/usr/bin/chromium</c>: skipped with a clear message when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"needs {Path} (Debian: apt-get install -y chromium; .ci/run installs it)";
    }
}
