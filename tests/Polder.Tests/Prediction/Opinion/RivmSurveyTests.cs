using System.Text;
using Polder.Tests.Infrastructure;
using Polder.Prediction.Opinion;

namespace Polder.Tests.Prediction.Opinion;

public class RivmSurveyTests
{
    private const string Rivm = "groups/rivm-covid-gedrag-waves01-09.csv";
    private const string Header = "Date_of_report;Wave;Region_code;Region_name;Subgroup_category;Subgroup;Indicator_category;Indicator;Sample_size;Figure_type;Value";

    private static RivmSurvey Parse(string text) => RivmSurvey.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "survey.csv");

    private static string Row(int wave, string value, string region = "NL00", string type = "Percentage", string n = "1200") =>
        $"2021-05-04;{wave};{region};X;Alle;Totaal;Draagvlak;Avondklok;{n};{type};{value}";

    [SharedDataFact(Rivm)]
    public void EveryRowOfTheRealFileIsUsedOrLeftOutWithAReason()
    {
        var path = SharedData.PathOf(Rivm);
        var survey = RivmSurvey.Read(path);
        int lines = File.ReadLines(path).Count(l => l.Length > 0) - 1;
        Assert.Equal(lines, survey.Rows);
        Assert.Equal(survey.Rows, survey.Values + survey.LeftOut.Values.Sum());
        Assert.Equal(survey.Values, survey.Table.Series.Sum(s => s.Values.Count(v => !double.IsNaN(v))));
        Assert.Equal(9, survey.Table.WaveCount);
        Assert.Equal(Enumerable.Range(0, 9), survey.Table.MeasuredWaves);
    }

    [Fact]
    public void ReadsValuesIntoTheirWaveAndCountsTheRest()
    {
        var s = Parse(string.Join("\n", Header, Row(1, "40.5"), Row(2, ""), Row(3, "38,0"), Row(3, "12", type: "Gemiddelde"), Row(3, "50", region: "VR01", n: "")));
        Assert.Equal(5, s.Rows);
        Assert.Equal(3, s.Values);
        Assert.Equal(1, s.LeftOut["no value (not measured in that wave)"]);
        Assert.Equal(1, s.LeftOut["figure type 'Gemiddelde' is not a percentage"]);
        var nl = s.Table.Find(new GroupSeriesKey("NL00", "Alle", "Totaal", "Draagvlak", "Avondklok"))!;
        Assert.Equal(40.5, nl.Values[0]);
        Assert.True(double.IsNaN(nl.Values[1]));
        Assert.Equal(38.0, nl.Values[2]); // a decimal comma in a ';' file
        Assert.Equal(1200, nl.SampleSizes[0]);
        Assert.Equal(0, s.Table.Find(new GroupSeriesKey("VR01", "Alle", "Totaal", "Draagvlak", "Avondklok"))!.SampleSizes[2]);
        Assert.Equal([0, 2], s.Table.MeasuredWaves);
    }

    [Fact]
    public void ACommaSeparatedFileWithColumnsInAnotherOrderReadsTheSame()
    {
        var s = Parse("Value,Indicator,Indicator_category,Subgroup,Subgroup_category,Region_code,Wave,Extra\n41.0,Avondklok,Draagvlak,Totaal,Alle,NL00,2,x\n\"42.5\",Avondklok,Draagvlak,Totaal,Alle,NL00,3,y\n");
        var nl = s.Table.Find(new GroupSeriesKey("NL00", "Alle", "Totaal", "Draagvlak", "Avondklok"))!;
        Assert.Equal([double.NaN, 41.0, 42.5], nl.Values);
        Assert.Equal(2, s.Values);
    }

    [Theory]
    [InlineData("x", "survey.csv:2: field Wave: 'x' is not a whole number")]
    [InlineData("0", "survey.csv:2: field Wave: '0' is outside 1..1000")]
    [InlineData("2000000000", "field Wave: '2000000000' is outside")]
    public void AMalformedWaveNamesFileLineAndField(string wave, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(Header + "\n" + Row(1, "40").Replace(";1;NL00", $";{wave};NL00")));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("abc", "field Value: 'abc' is not a number")]
    [InlineData("101", "field Value: '101' is not a percentage (0..100)")]
    [InlineData("NaN", "field Value: 'NaN' is not a number")]
    public void AMalformedValueNamesFileLineAndField(string value, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(string.Join("\n", Header, Row(1, "40"), Row(2, value))));
        Assert.Contains("survey.csv:3: " + expected, e.Message);
    }

    [Fact]
    public void ASecondValueForTheSameSeriesAndWaveIsAnErrorNamingBothLines()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(string.Join("\n", Header, Row(1, "40"), Row(2, "41"), Row(1, "39"))));
        Assert.Contains("survey.csv:4:", e.Message);
        Assert.Contains("first is on line 2", e.Message);
    }

    [Fact]
    public void MissingColumnsOrAnEmptyFileAreErrors()
    {
        Assert.Contains("survey.csv: empty file", Assert.Throws<InvalidDataException>(() => Parse("")).Message);
        Assert.Contains("survey.csv:1: column Value is missing", Assert.Throws<InvalidDataException>(() => Parse(Header.Replace(";Value", ";Waarde") + "\n" + Row(1, "4"))).Message);
        Assert.Contains("survey.csv:2: field Sample_size", Assert.Throws<InvalidDataException>(() => Parse(Header + "\n" + Row(1, "40", n: "many"))).Message);
        Assert.Contains("survey.csv:2: field Region_code: '' is empty", Assert.Throws<InvalidDataException>(() => Parse(Header + "\n" + Row(1, "40", region: ""))).Message);
    }
}
