namespace Polder.Cli;

/// <summary>Positional arguments and <c>--name value</c> / <c>--flag</c> options of one verb, with typed readers whose mistakes are usage errors.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; an option followed by another option or nothing is a flag.</summary>
    public CliArguments(IEnumerable<string> args)
    {
        var pos = new List<string>();
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                if (eq > 0) { _options[a[2..eq]] = a[(eq + 1)..]; continue; }
                string? value = i + 1 < list.Count && !(list[i + 1].StartsWith("--", StringComparison.Ordinal) && list[i + 1].Length > 2) ? list[++i] : null;
                _options[a[2..]] = value;
            }
            else pos.Add(a);
        }
        Positional = pos;
    }

    /// <summary>Arguments already parsed (by System.CommandLine): a null option value marks a flag.</summary>
    internal CliArguments(IReadOnlyList<string> positional, IEnumerable<KeyValuePair<string, string?>> options)
    {
        Positional = positional;
        foreach (var (k, v) in options) _options[k] = v;
    }

    /// <summary>The value of <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public string? Option(string name, string? fallback = null)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v ?? throw new CliUsageException($"--{name} needs a value") : fallback;
    }

    /// <summary>The value of <c>--name</c>; a usage error when absent.</summary>
    public string Required(string name) => Option(name) ?? throw new CliUsageException($"--{name} is required");

    /// <summary>An integer option.</summary>
    public int Int(string name, int fallback)
    {
        var v = Option(name);
        if (v is null) return fallback;
        return int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : throw new CliUsageException($"--{name}: '{v}' is not a whole number");
    }

    /// <summary>A date option (yyyy-MM-dd, or a time; UTC unless an offset is given); null when not given.</summary>
    public DateTimeOffset? Date(string name)
    {
        var v = Option(name);
        if (v is null) return null;
        return DateTimeOffset.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d : throw new CliUsageException($"--{name}: '{v}' is not a date (yyyy-MM-dd)");
    }

    /// <summary>True when <c>--name</c> was given (with or without a value).</summary>
    public bool Flag(string name) { _read.Add(name); return _options.ContainsKey(name); }

    /// <summary>Options given but never asked for by the verb: reported so typos are not silently ignored.</summary>
    public IEnumerable<string> Unused => _options.Keys.Where(k => !_read.Contains(k));
}
