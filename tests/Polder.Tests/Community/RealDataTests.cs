using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Polder.Behaviour;
using Polder.Community;
using Polder.Community.Reading;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Community;

public class RealDataTests
{
    private const string Reddit = "community/reddit-emory-messages.csv";
    private const string Tweets = "community/political-tweets-2020-04.tsv";

    [SharedDataFact(Reddit)]
    public void Reddit_reads_every_row_and_first_response_times_match_an_independent_computation()
    {
        var community = CommunityLoader.Load(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out var report);
        Assert.Equal(11_158, report.RowsRead);
        Assert.Equal(11_158, report.Accepted);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(11_158, community.Posts.Count);

        // Independent: parse with the framework's TextFieldParser, group by thread_id, order by created (stable),
        // wait = first message by another author than the opener minus the opener's time.
        var rows = new List<(string id, string thread, string author, long created)>();
        using (var parser = new TextFieldParser(SharedData.PathOf(Reddit)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
        {
            parser.SetDelimiters(",");
            parser.TrimWhiteSpace = false;
            var header = parser.ReadFields()!;
            Assert.Equal("message_id", header[0]);
            while (!parser.EndOfData)
            {
                var f = parser.ReadFields()!;
                rows.Add((f[0], f[1], f[3] == "" ? "[deleted]" : f[3], long.Parse(f[4])));
            }
        }
        Assert.Equal(11_158, rows.Count);
        var expected = new Dictionary<string, long?>();
        foreach (var g in rows.GroupBy(r => r.thread))
        {
            var ordered = g.OrderBy(r => r.created).ToList();
            var opener = ordered[0];
            var reply = ordered.Skip(1).FirstOrDefault(r => r.author != opener.author);
            expected[g.Key] = reply.id is null ? null : reply.created - opener.created;
        }

        var conversations = FirstResponseTime.Compute(community, new BehaviourOptions { Responders = ResponderMode.AnyOtherActor });
        Assert.Equal(expected.Count, conversations.Count);
        foreach (var conv in conversations)
        {
            Assert.True(expected.TryGetValue(conv.ThreadId, out var want), conv.ThreadId);
            Assert.Equal(want, conv.Wait is { } w ? (long)w.TotalSeconds : null);
        }
        // the auto mode picks "any other actor" for a forum without organisations
        Assert.Equal(ResponderMode.AnyOtherActor, FirstResponseTime.ResolveMode(community, BehaviourOptions.Default));
        Assert.True(conversations.Count(c => c.Answered) > 1000);
    }

    [SharedDataFact(Reddit)]
    public void Reddit_threads_and_parents_are_resolved()
    {
        var community = CommunityLoader.Load(SharedData.PathOf(Reddit), CommunityFormats.RedditMessages, null, out _);
        Assert.Equal(0, community.UnknownParentCount);
        var root = community.FindPost("t3_gu2uu")!;
        Assert.Equal(PostKind.Post, root.Kind);
        Assert.Equal("cassiope", root.AuthorId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1303263784), root.Time);
        Assert.Equal("Just trying to see if anyone is here....", root.Title);
        var reply = community.FindPost("c1qh4pe")!;
        Assert.Equal("c1qb520", reply.ParentId);
        Assert.Equal(2, community.DepthOfPost("c1qh4pe"));
        Assert.Contains(reply, community.PostsInThread("t3_gu2uu"));
        Assert.Contains("I like this frame for it", reply.Text);
        Assert.Contains("\n", community.FindPost("c1qb520")!.Text); // a quoted multi-line field
    }

    [SharedDataFact(Tweets)]
    public void Political_tweets_read_every_row_and_retweets_and_mentions_match_a_regex_count()
    {
        var records = CommunityLoader.Read(SharedData.PathOf(Tweets), CommunityFormats.PoliticalTweets, null, out var report).ToList();
        Assert.Equal(2_458, report.RowsRead);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(2_458, records.Count);

        var prefix = new Regex(@"^(.*?) \(@(\w+)\): ?(.*)$", RegexOptions.Singleline);
        // a handle has the tokenizer's word characters (letters, marks and digits of any script, joiners, soft hyphen) and '_'
        // the tokenizer's tag rule: word characters and '_', ended by an emoji variation selector (U+FE0E, U+FE0F)
        var mention = new Regex(@"(?<![\p{L}\p{Nd}_@])@((?:(?![\uFE0E\uFE0F])[\p{L}\p{M}\p{Nd}\p{Nl}\p{No}_\u00AD\u200C\u200D])+)");
        int retweets = 0, mentions = 0;
        var lines = File.ReadAllLines(SharedData.PathOf(Tweets)).Skip(1).ToList();
        Assert.Equal(2_458, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var content = lines[i].Split('\t')[3];
            var body = prefix.Match(content).Groups[3].Value;
            if (Regex.IsMatch(body, @"^RT @\w+")) retweets++;
            var m = mention.Matches(body).Select(x => x.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();
            mentions += m.Count;
            Assert.Equal(m, records[i].Post.Mentions);
        }
        Assert.Equal(retweets, records.Count(r => r.Post.Kind == PostKind.Retweet));
        Assert.Equal(mentions, records.Sum(r => r.Post.Mentions.Count));
        Assert.Equal(1388, retweets);

        var first = records[0];
        Assert.Equal("jaspervandijksp", first.Post.AuthorId);
        Assert.Equal("Jasper van Dijk", first.Author.DisplayName);
        Assert.Equal("SP", first.Author.Attribute(Actor.Party));
        Assert.Equal(ActorRole.Politician, first.Author.Role);
        Assert.Equal(PostKind.Retweet, first.Post.Kind);
        Assert.Equal("vprotegenlicht", first.Post.SharedFromId);
        // 12-04-2020 23:54:05 Dutch summer time = 21:54:05 UTC
        Assert.Equal(new DateTimeOffset(2020, 4, 12, 23, 54, 5, TimeSpan.FromHours(2)), first.Post.Time);
        Assert.Equal(TimeSpan.FromHours(2), first.Post.Time.Offset);
        Assert.Contains("tegenlicht", first.Post.Hashtags);
    }

    [SharedDataFact(Tweets)]
    public void Political_tweets_give_party_groups()
    {
        var community = CommunityLoader.Load(SharedData.PathOf(Tweets), CommunityFormats.PoliticalTweets, null, out _);
        var report = BehaviourAnalyzer.Analyze(community);
        var parties = report.Groups.Where(g => g.Attribute == Actor.Party).ToList();
        Assert.Contains(parties, g => g.Value == "SP");
        Assert.Equal(2_458, parties.Sum(g => g.Posts));
        Assert.Equal(2_458, report.HourOfWeek.Sum());
    }

    [SharedDataFact("opendata/almanak-gemeenten-2014.csv")]
    public void Almanak_gives_municipality_size_classes()
    {
        var sizes = MunicipalitySizes.LoadAlmanak(SharedData.PathOf("opendata/almanak-gemeenten-2014.csv"));
        Assert.True(sizes.Count >= 431, $"{sizes.Count} names"); // 431 rows, official names plus short aliases
        Assert.Equal(6307, sizes.PopulationOf("Zeevang"));
        Assert.Equal("small", sizes.ClassOfMunicipality("Zeevang"));
        Assert.Equal("small", sizes.ClassOfMunicipality("Gemeente Peel en Maas"));
        Assert.Equal("large", sizes.ClassOfMunicipality("Utrecht"));
        var custom = MunicipalitySizes.LoadAlmanak(SharedData.PathOf("opendata/almanak-gemeenten-2014.csv"), [40_000], ["klein", "groot"]);
        Assert.Equal("groot", custom.ClassOfMunicipality("Peel en Maas"));
    }
}
