using Polder.Data;
using Polder.Places;
using Polder.Tests.Infrastructure;

namespace Polder.Tests.Places;

public class PlaceFinderTests
{
    private static readonly PlaceFinder Finder = PlaceFinder.Default;

    private static string[] Names(string text) => Finder.Find(text).Select(m => m.Text).ToArray();

    [Theory]
    // Best and Lent are places only after a location cue
    [InlineData("Dat is het best voor iedereen.", new string[0])]
    [InlineData("Best is om eerst te bellen.", new string[0])]
    [InlineData("Ik woon al jaren in Best en werk in Eindhoven.", new[] { "Best", "Eindhoven" })]
    [InlineData("De gemeente Best wil een nieuw zwembad.", new[] { "Best" })]
    [InlineData("Lent is de vastentijd voor Pasen.", new string[0])]
    [InlineData("Het nieuwe station in Lent is eindelijk open.", new[] { "Lent" })]
    [InlineData("Zoeken naar werk is lastig in Groningen.", new[] { "Groningen" })]
    [InlineData("Sint en Piet komen dit jaar weer.", new string[0])]
    [InlineData("Op Sint Maarten lopen de kinderen met lampionnen.", new string[0])]
    [InlineData("De burgemeester van Sint-Michielsgestel opent de markt.", new[] { "Sint-Michielsgestel" })]
    [InlineData("Bergen zijn er niet in Nederland.", new string[0])]
    [InlineData("Echt waar, het regent weer.", new string[0])]
    [InlineData("Amsterdam is vol.", new[] { "Amsterdam" })]
    [InlineData("Zij verhuist van Den Haag naar 's-Hertogenbosch.", new[] { "Den Haag", "'s-Hertogenbosch" })]
    [InlineData("Zij verhuist naar Den Bosch.", new[] { "Den Bosch" })]
    [InlineData("Hij vertrok uit Bergen op Zoom.", new[] { "Bergen op Zoom" })]
    [InlineData("we gingen naar amsterdam", new string[0])]
    public void Finds_places_and_not_common_words(string text, string[] expected)
    {
        Assert.Equal(expected, Names(text));
    }

    [Fact]
    public void Den_Haag_and_s_Gravenhage_are_the_same_municipality()
    {
        var a = Finder.Find("Het parlement zit in Den Haag.").Single();
        var b = Finder.Find("Het parlement zit in 's-Gravenhage.").Single();
        Assert.Equal("'s-Gravenhage", b.Text);
        Assert.Equal(a.Municipality, b.Municipality);
        Assert.Equal("Zuid-Holland", b.Province);
        Assert.Equal(MunicipalitySizeClass.Large, b.SizeClass);
    }

    [Fact]
    public void Places_link_to_their_municipality_and_province()
    {
        var lent = Finder.Find("Ik fiets vanuit Lent naar de stad.").Single();
        Assert.Equal(PlaceKind.Place, lent.Kind);
        Assert.Equal("Nijmegen", lent.Municipality.Name);
        Assert.Equal("Gelderland", lent.Province);
        var best = Finder.Find("Zij woont in Best.").Single();
        Assert.Equal(PlaceKind.Municipality, best.Kind);
        Assert.Equal("Noord-Brabant", best.Province);
        Assert.Equal(MunicipalitySizeClass.Small, best.SizeClass);
    }

    [Fact]
    public void Shared_names_choose_the_municipality_and_list_alternatives()
    {
        var hengelo = Finder.Find("Het evenement in Hengelo trok veel bezoekers.").Single();
        Assert.Equal("Hengelo Ov.", hengelo.Municipality.Name);
        Assert.Equal("Overijssel", hengelo.Province);
        Assert.Contains(hengelo.Alternatives, m => m.Name == "Bronckhorst");
        var bergenL = Finder.Find("Het dorp Bergen (L) ligt aan de Maas.").Single();
        Assert.Equal("Bergen (L)", bergenL.Text);
        Assert.Equal("Limburg", bergenL.Province);
    }

    [Fact]
    public void Size_class_boundaries_are_parameters()
    {
        var strict = new PlaceFinder(new PlaceFinderOptions { SizeClasses = new SizeClassBoundaries(MediumFrom: 20_000, LargeFrom: 25_000) });
        Assert.Equal(MunicipalitySizeClass.Large, strict.Find("Zij woont in Best.").Single().SizeClass); // 28,747 inhabitants
        Assert.Equal(MunicipalitySizeClass.Medium, Finder.Find("Zij woont in Hengelo.").Single().SizeClass); // 81,921
        Assert.Equal(MunicipalitySizeClass.Unknown, SizeClassBoundaries.Default.Classify(null));
    }

    [Fact]
    public void Users_can_add_places_and_ambiguous_names()
    {
        var finder = new PlaceFinder(new PlaceFinderOptions
        {
            ExtraPlaces = new Dictionary<string, (string, string)> { ["Kattenburg"] = ("Amsterdam", "Noord-Holland") },
            ExtraAmbiguousNames = ["Amsterdam"],
        });
        var k = finder.Find("Wij wonen op Kattenburg.").Single();
        Assert.Equal("Amsterdam", k.Municipality.Name);
        Assert.Empty(finder.Find("Amsterdam is vol."));
        Assert.Single(finder.Find("Ik woon in Amsterdam."));
    }

    [SharedDataFact("opendata/almanak-gemeenten-2014.csv")]
    public void Every_almanak_municipality_is_found_in_a_sentence()
    {
        var missed = new List<string>();
        int count = 0;
        foreach (var row in CsvReader.ReadFileWithHeader(SharedData.PathOf("opendata/almanak-gemeenten-2014.csv")))
        {
            var name = row["gemeente.afkorting"].Trim();
            if (name.Length == 0) name = row["gemeente.naam"].Replace("Gemeente ", "").Trim();
            count++;
            var text = $"Vorig jaar ben ik verhuisd naar {name} en dat bevalt goed.";
            var found = Finder.Find(text);
            if (found.Count != 1 || found[0].Text != name || found[0].Kind != PlaceKind.Municipality) missed.Add(name + " → " + string.Join("|", found.Select(f => f.Text + "/" + f.Kind)));
        }
        Assert.True(count >= 400, $"only {count} municipalities read");
        Assert.True(missed.Count == 0, $"{missed.Count} of {count} not found: {string.Join("; ", missed)}");
    }
}
