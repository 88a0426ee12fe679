using System.Globalization;
using System.Reflection;

namespace Polder.Community.Simulation;

/// <summary>
/// A deterministic simulator of a Dutch municipality's online community: citizens in neighbourhoods, local businesses
/// and the municipality's webcare account, writing in Dutch from the project's own templates
/// (<c>Community/Simulation/templates-nl.txt</c>). Citizens ask the municipality about issue topics (afval, parkeren,
/// verkeer, groen, overlast, evenementen, wonen), neighbours chime in (mostly from their own neighbourhood: planted
/// communities), webcare answers with probability <see cref="SimulationOptions.ResponseProbability"/> after a log-normal
/// delay with median <see cref="SimulationOptions.MedianResponseHours"/>, and the mood per topic drifts day by day.
/// The same options give the same posts. Thread-safe (no shared state).
/// </summary>
public static class CommunitySimulator
{
    private sealed record Template(string Kind, string Topic, int Tone, string Text);

    private static readonly Lazy<Template[]> Templates = new(LoadTemplates);
    private static readonly Lazy<Dictionary<string, string[]>> Names = new(LoadNames);

    private static Dictionary<string, string[]> LoadNames()
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? section = null;
        var items = new List<string>();
        foreach (var line in ReadResource("names-nl.txt"))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[') { if (section is not null) result[section] = items.ToArray(); section = line.Trim('[', ']'); items.Clear(); continue; }
            items.Add(line);
        }
        if (section is not null) result[section] = items.ToArray();
        return result;
    }

    private static IEnumerable<string> ReadResource(string file)
    {
        var asm = typeof(CommunitySimulator).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        while (r.ReadLine() is { } line) yield return line;
    }

    private static string[] FirstNames => Names.Value["voornamen"];
    private static string[] LastNames => Names.Value["achternamen"];
    private static string[] Streets => Names.Value["straten"];
    private static string[] BusinessKinds => Names.Value["bedrijfstypen"];
    private static string[] BusinessNames => Names.Value["bedrijfsnamen"];
    private static string[] Days => Names.Value["dagen"];
    private static string[] Topics => Names.Value["onderwerpen"];
    // relative posting activity per local hour 0..23: quiet nights, peaks in the morning, at lunch and in the evening
    private static readonly double[] HourWeights = [0.3, 0.15, 0.1, 0.1, 0.1, 0.3, 0.8, 1.6, 2.2, 2.0, 1.8, 1.7, 2.0, 1.8, 1.5, 1.4, 1.5, 1.7, 1.6, 2.1, 2.4, 2.2, 1.4, 0.7];

    private static Template[] LoadTemplates()
    {
        var list = new List<Template>();
        foreach (var line in ReadResource("templates-nl.txt"))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('|', 4);
            list.Add(new Template(f[0], f[1], f[2] switch { "-" => -1, "+" => 1, _ => 0 }, f[3]));
        }
        return list.ToArray();
    }

    /// <summary>Runs a simulation and keeps everything in memory.</summary>
    public static (IReadOnlyList<PostRecord> Records, SimulationTruth Truth) Run(SimulationOptions options)
    {
        var records = Stream(options, out var truth).ToList();
        return (records, truth);
    }

    /// <summary>
    /// Streams the posts of a simulation thread by thread (not globally time-ordered); <paramref name="truth"/> fills
    /// while the sequence is enumerated. Memory stays bounded by the number of actors.
    /// </summary>
    public static IEnumerable<PostRecord> Stream(SimulationOptions options, out SimulationTruth truth)
    {
        if (options.Days < 1 || options.Citizens < 2 || options.Neighbourhoods.Count == 0)
            throw new ArgumentException("need at least one day, two citizens and one neighbourhood", nameof(options));
        foreach (var e in options.Events)
            if (Array.IndexOf(Topics, e.Topic) < 0)
                throw new ArgumentException($"event {e}: unknown topic '{e.Topic}' (known: {string.Join(", ", Topics)})", nameof(options));
        var orgId = "gemeente_" + Slug(options.Municipality);
        truth = new SimulationTruth(options, orgId);
        return Generate(options, truth);
    }

    private static IEnumerable<PostRecord> Generate(SimulationOptions o, SimulationTruth truth)
    {
        var rng = new Random(o.Seed);
        var zone = DutchTime.Zone;
        var templates = Templates.Value;
        var byKind = templates.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.ToArray());
        var org = new Actor
        {
            Id = truth.OrganisationId, DisplayName = "Gemeente " + o.Municipality, Role = ActorRole.Organisation,
            Attributes = new Dictionary<string, string> { [Actor.OrganisationType] = "gemeente", [Actor.Municipality] = o.Municipality },
        };
        int nb = o.Neighbourhoods.Count;
        var citizens = new Actor[o.Citizens];
        var citizenNb = new int[o.Citizens];
        var byNb = Enumerable.Range(0, nb).Select(_ => new List<int>()).ToArray();
        // activity follows a heavy tail: a few citizens write much more than most
        var activity = new double[o.Citizens];
        for (int i = 0; i < o.Citizens; i++)
        {
            int n = rng.Next(nb);
            citizenNb[i] = n;
            byNb[n].Add(i);
            var name = FirstNames[rng.Next(FirstNames.Length)] + " " + LastNames[rng.Next(LastNames.Length)];
            citizens[i] = new Actor
            {
                Id = "burger" + (i + 1).ToString("D4", CultureInfo.InvariantCulture), DisplayName = name, Role = ActorRole.Citizen,
                Attributes = new Dictionary<string, string> { [Actor.Neighbourhood] = o.Neighbourhoods[n], [Actor.Municipality] = o.Municipality },
            };
            truth._neighbourhood[citizens[i].Id] = o.Neighbourhoods[n];
            activity[i] = 1.0 / Math.Pow(1 - rng.NextDouble() * 0.97, 0.8);
        }
        var cumActivity = new double[o.Citizens];
        double acc = 0;
        for (int i = 0; i < o.Citizens; i++) { acc += activity[i]; cumActivity[i] = acc; }
        var businesses = new Actor[Math.Max(0, o.Businesses)];
        for (int i = 0; i < businesses.Length; i++)
        {
            int n = rng.Next(nb);
            var display = BusinessKinds[rng.Next(BusinessKinds.Length)] + " " + BusinessNames[rng.Next(BusinessNames.Length)];
            businesses[i] = new Actor
            {
                Id = Slug(display) + "_" + (i + 1).ToString(CultureInfo.InvariantCulture), DisplayName = display, Role = ActorRole.Business,
                Attributes = new Dictionary<string, string> { [Actor.Neighbourhood] = o.Neighbourhoods[n], [Actor.Municipality] = o.Municipality },
            };
            truth._neighbourhood[businesses[i].Id] = o.Neighbourhoods[n];
        }
        var mood = Topics.ToDictionary(t => t, _ => 0.0);
        foreach (var t in Topics) truth._mood[t] = [];
        double hourTotal = HourWeights.Sum();
        long postNo = 0;
        var thread = new List<PostRecord>(16);
        var eventThreads = new long[o.Events.Count];
        var eventPosts = new long[o.Events.Count];

        int PickCitizen() { double u = rng.NextDouble() * acc; int i = Array.BinarySearch(cumActivity, u); return i < 0 ? Math.Min(~i, o.Citizens - 1) : i; }
        int PickNeighbour(int nbIndex, int exclude)
        {
            for (int tries = 0; tries < 8; tries++)
            {
                int c = rng.NextDouble() < o.WithinNeighbourhood && byNb[nbIndex].Count > 1
                    ? byNb[nbIndex][rng.Next(byNb[nbIndex].Count)]
                    : PickCitizen();
                if (c != exclude) return c;
            }
            return (exclude + 1) % o.Citizens;
        }
        double Normal() { double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble(); return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2); }
        double Exp(double mean) => -mean * Math.Log(1.0 - rng.NextDouble());
        int Poisson(double lambda)
        {
            if (lambda > 30) return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Normal()));
            double l = Math.Exp(-lambda), p = 1; int k = 0;
            do { k++; p *= rng.NextDouble(); } while (p > l);
            return k - 1;
        }
        string? angryTopic = null; // the topic of a negative planted event running today
        Template Pick(string kind, string topic)
        {
            var list = byKind[kind];
            double m = topic == "*" ? 0 : topic == angryTopic ? -0.85 : mood[topic];
            // weight templates of the topic (or '*') by tone: negative 1−m, neutral 1, positive 1+m
            double total = 0;
            foreach (var t in list) if (t.Topic == topic || t.Topic == "*" || topic == "*") total += t.Tone switch { -1 => 1 - m, 1 => 1 + m, _ => 1 };
            double u = rng.NextDouble() * total;
            foreach (var t in list)
            {
                if (!(t.Topic == topic || t.Topic == "*" || topic == "*")) continue;
                u -= t.Tone switch { -1 => 1 - m, 1 => 1 + m, _ => 1 };
                if (u <= 0) return t;
            }
            return list[^1];
        }
        string Fill(Template t, string wijk, string naam, string bedrijf) =>
            !o.KeepText ? "" :
            t.Text.Replace("{org}", truth.OrganisationId).Replace("{straat}", Streets[rng.Next(Streets.Length)]).Replace("{wijk}", wijk)
                .Replace("{dag}", Days[rng.Next(Days.Length)]).Replace("{tijd}", (19 + rng.Next(5)).ToString(CultureInfo.InvariantCulture) + ":00")
                .Replace("{naam}", naam).Replace("{bedrijf}", bedrijf);
        PostRecord Make(Actor author, DateTimeOffset time, string text, string? parent, string threadId, int likes, bool mentionsOrg)
        {
            postNo++;
            var id = "s" + postNo.ToString(CultureInfo.InvariantCulture);
            var post = new Post
            {
                Id = id, AuthorId = author.Id, Text = text, Time = time, Channel = "twitter",
                Kind = parent is null ? PostKind.Post : PostKind.Reply, ParentId = parent, ThreadId = parent is null ? id : threadId,
                Mentions = mentionsOrg ? [truth.OrganisationId] : [], Likes = likes,
                Hashtags = o.KeepText ? SocialText.Hashtags(text) : [],
            };
            return new PostRecord(post, author, 0);
        }
        // whole seconds, so written files carry no fractions and the planted waits survive a CSV round trip exactly
        DateTimeOffset After(DateTimeOffset t, double hours) => TimeZoneInfo.ConvertTime(t.AddSeconds(Math.Max(1, Math.Round(hours * 3600))), zone);

        for (int day = 0; day < o.Days; day++)
        {
            foreach (var t in Topics)
            {
                mood[t] = Math.Clamp(mood[t] + 0.08 * Normal(), -0.9, 0.9);
                truth._mood[t].Add(mood[t]);
            }
            var date = o.Start.AddDays(day);
            int threads = Poisson(o.ThreadsPerDay);
            // planted events add threads on their topic; no random draws without events, so plain runs stay as they were
            int eventIndex = -1, extra = 0;
            angryTopic = null;
            for (int e = 0; e < o.Events.Count; e++)
                if (o.Events[e].Covers(date))
                {
                    eventIndex = e;
                    extra = Poisson(o.ThreadsPerDay / Topics.Length * (o.Events[e].Size - 1));
                    if (o.Events[e].Negative) angryTopic = o.Events[e].Topic;
                    break;
                }
            for (int k = 0; k < threads + extra; k++)
            {
                bool planted = k >= threads;
                thread.Clear();
                // opening time: hour by weight, minute and second uniform; skip the non-existent spring hour
                double u = rng.NextDouble() * hourTotal; int hour = 0;
                while (hour < 23 && (u -= HourWeights[hour]) > 0) hour++;
                var local = date.ToDateTime(new TimeOnly(hour, rng.Next(60), rng.Next(60)));
                if (!DutchTime.TryFromLocal(local, zone, out var t0)) DutchTime.TryFromLocal(local.AddHours(1), zone, out t0);
                var topic = planted ? o.Events[eventIndex].Topic : Topics[rng.Next(Topics.Length)];
                double roll = rng.NextDouble();
                bool announcement = false, addressed;
                PostRecord opener;
                int openerCitizen = -1;
                string wijk;
                if (roll < o.QuestionShare)
                {
                    openerCitizen = PickCitizen();
                    wijk = o.Neighbourhoods[citizenNb[openerCitizen]];
                    var tpl = Pick("vraag", topic);
                    opener = Make(citizens[openerCitizen], t0, Fill(tpl, wijk, "", ""), null, "", Poisson(1.5), true);
                    Tone(opener, tpl);
                    addressed = true;
                }
                else if (roll < o.QuestionShare + (1 - o.QuestionShare) * 0.35)
                {
                    announcement = true;
                    wijk = o.Neighbourhoods[rng.Next(nb)];
                    var tpl = Pick("aankondiging", topic);
                    opener = Make(org, t0, Fill(tpl, wijk, "", ""), null, "", Poisson(8), false);
                    Tone(opener, tpl);
                    addressed = false;
                }
                else if (roll < o.QuestionShare + (1 - o.QuestionShare) * 0.8 || businesses.Length == 0)
                {
                    openerCitizen = PickCitizen();
                    wijk = o.Neighbourhoods[citizenNb[openerCitizen]];
                    var list = byKind["melding"].Where(x => x.Topic == topic).ToArray();
                    var tpl = list.Length > 0 ? list[rng.Next(list.Length)] : Pick("melding", "*");
                    opener = Make(citizens[openerCitizen], t0, Fill(tpl, wijk, "", ""), null, "", Poisson(2), false);
                    Tone(opener, tpl);
                    addressed = false;
                }
                else
                {
                    var b = businesses[rng.Next(businesses.Length)];
                    wijk = b.Attributes[Actor.Neighbourhood];
                    var tpl = Pick("bedrijf", "*");
                    addressed = tpl.Text.Contains("{org}", StringComparison.Ordinal);
                    opener = Make(b, t0, Fill(tpl, wijk, "", b.DisplayName!), null, "", Poisson(3), addressed);
                    Tone(opener, tpl);
                }
                thread.Add(opener);
                string threadId = opener.Post.Id;
                int nbIndex = Array.IndexOf(o.Neighbourhoods.ToArray(), wijk);
                if (nbIndex < 0) nbIndex = 0;

                // neighbours chime in
                int replies = announcement ? 1 + Poisson(o.MeanCitizenReplies) : Poisson(o.MeanCitizenReplies);
                var time = t0;
                var citizenPosts = new List<(PostRecord rec, int citizen)>();
                if (openerCitizen >= 0) citizenPosts.Add((opener, openerCitizen));
                for (int r = 0; r < replies; r++)
                {
                    time = After(time, Exp(0.75));
                    var (parentRec, parentCitizen) = citizenPosts.Count == 0 ? (opener, -1) : citizenPosts[rng.Next(citizenPosts.Count)];
                    int author = PickNeighbour(parentCitizen >= 0 ? citizenNb[parentCitizen] : nbIndex, parentCitizen);
                    var replyTpl = Pick("reactie", topic);
                    var rec = Make(citizens[author], time, Fill(replyTpl, o.Neighbourhoods[citizenNb[author]], "", ""), parentRec.Post.Id, threadId, Poisson(0.7), false);
                    Tone(rec, replyTpl);
                    thread.Add(rec);
                    citizenPosts.Add((rec, author));
                    if (parentCitizen >= 0)
                    {
                        truth.CitizenReplies++;
                        if (citizenNb[parentCitizen] == citizenNb[author]) truth.CitizenRepliesWithinNeighbourhood++;
                    }
                }

                // webcare
                PostRecord? asked = addressed ? opener : announcement && citizenPosts.Count > 0 ? citizenPosts[0].rec : null;
                if (asked is { } ask)
                {
                    truth.Conversations++;
                    if (rng.NextDouble() < o.ResponseProbability)
                    {
                        double wait = Math.Max(1, Math.Round(o.MedianResponseHours * Math.Exp(o.ResponseSigma * Normal()) * 3600)) / 3600;
                        truth.Answered++;
                        truth._waits.Add(wait);
                        var askAuthor = ask.Author;
                        var first = askAuthor.DisplayName?.Split(' ')[0] ?? askAuthor.Id;
                        var answerTpl = Pick("webcare", "*");
                        var answer = Make(org, After(ask.Post.Time, wait), Fill(answerTpl, wijk, first, ""), ask.Post.Id, threadId, Poisson(0.5), false);
                        Tone(answer, answerTpl);
                        thread.Add(answer);
                        if (rng.NextDouble() < 0.35)
                        {
                            var thanksAt = After(answer.Post.Time, Exp(0.5));   // drawn before the template, as always: same seed, same posts
                            var thanksTpl = Pick("dank", "*");
                            var thanks = Make(askAuthor, thanksAt, Fill(thanksTpl, wijk, "", ""), answer.Post.Id, threadId, 0, false);
                            Tone(thanks, thanksTpl);
                            thread.Add(thanks);
                        }
                    }
                }
                truth.Threads++;
                truth.Posts += thread.Count;
                if (o.RecordLabels) truth._threadTopic[threadId] = topic;
                if (planted) { eventThreads[eventIndex]++; eventPosts[eventIndex] += thread.Count; }
                foreach (var rec in thread) yield return rec;
            }
        }
        for (int e = 0; e < o.Events.Count; e++)
        {
            var ev = o.Events[e];
            truth._events.Add(new PlantedEventTruth(ev, LocalMidnight(ev.Start, zone), LocalMidnight(ev.Start.AddDays(ev.Days), zone), eventThreads[e], eventPosts[e]));
        }

        void Tone(PostRecord rec, Template tpl)
        {
            if (o.RecordLabels) truth._tone[rec.Post.Id] = tpl.Tone;
        }
    }

    private static DateTimeOffset LocalMidnight(DateOnly d, TimeZoneInfo zone)
    {
        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Slug(string s)
    {
        var chars = s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars).Trim('_');
    }
}
