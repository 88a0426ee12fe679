using Polder.Tests.Infrastructure;
using Polder.Prediction.Reaction;

namespace Polder.Tests.Prediction.Reaction;

public class ReaderJudgmentsTests
{
    private const string Ann = "groups/dpgmedia2019-annotations.csv", People = "groups/dpgmedia2019-annotatorData.csv", Articles = "groups/dpgMedia2019-articles-byarticle-all.jsonl";

    private static (string Annotations, string Annotators, string Articles) Write(string annotations, string annotators)
    {
        var dir = Directory.CreateTempSubdirectory("polder-judgments-").FullName;
        var files = (Path.Combine(dir, "annotations.csv"), Path.Combine(dir, "annotators.csv"), Path.Combine(dir, "articles.jsonl"));
        File.WriteAllText(files.Item1, annotations);
        File.WriteAllText(files.Item2, annotators);
        File.WriteAllText(files.Item3, "{\"id\": 10, \"title\": \"Raad besluit\", \"text\": \"De raad besluit over de begroting.\"}\n{\"id\": 11, \"title\": \"Boeren\", \"text\": \"Boeren protesteren.\"}\n");
        return files;
    }

    private const string Annotators = "RespondentId,Gender,Political_standpoint,Vote_for_party\n1,v,Midden,A\n2,m,Extreemlinks,B\n3,m,,C\n";

    [Fact]
    public void EveryAnnotationRowIsUsedOrLeftOutWithItsReason()
    {
        var (ann, people, articles) = Write(string.Join("\n",
            "RespondentId,ExternalId,Partisanship",
            "1,10,Bevooroordeeld",                          // used
            "2,10,Redelijk onbevooroordeeld",               // used
            "1,11,Weet niet / onmogelijk om te bepalen",    // don't know
            "9,11,Onbevooroordeeld",                        // reader not in the annotators file
            "1,12,Onbevooroordeeld",                        // article without text
            "3,11,Extreem bevooroordeeld",                  // reader without a standpoint
            "1,10,Onbevooroordeeld",                        // repeated: the first counts
            ""), Annotators);
        var data = ReaderJudgments.Read(ann, people, articles);
        Assert.Equal(7, data.AnnotationRows);
        Assert.Equal([new ReaderJudgment(10, 1, true, "Midden", "A"), new ReaderJudgment(10, 2, false, "Extreemlinks", "B")], data.Judgments);
        Assert.Equal(data.AnnotationRows, data.Judgments.Count + data.LeftOut.Values.Sum());
        Assert.Equal(1, data.LeftOut["answer is not partisan or not (don't know / empty)"]);
        Assert.Equal(1, data.LeftOut["reader not in the annotators file"]);
        Assert.Equal(1, data.LeftOut["article not in the articles file"]);
        Assert.Equal(1, data.LeftOut["reader without a political standpoint"]);
        Assert.Equal(1, data.LeftOut["reader already judged this article (a repeated row; the first counts)"]);
    }

    [Fact]
    public void MalformedIdsAndTwoProfilesForOneReaderAreErrorsNamingFileAndLine()
    {
        var (ann, people, articles) = Write("RespondentId,ExternalId,Partisanship\n1,tien,Bevooroordeeld\n", Annotators);
        Assert.Contains($"{ann}:2: field ExternalId: 'tien' is not a whole number", Assert.Throws<InvalidDataException>(() => ReaderJudgments.Read(ann, people, articles)).Message);
        (ann, people, articles) = Write("RespondentId,ExternalId,Partisanship\n", Annotators + "2,v,Midden,A\n");
        Assert.Contains($"{people}:5: field RespondentId: reader 2 is already described on line 3", Assert.Throws<InvalidDataException>(() => ReaderJudgments.Read(ann, people, articles)).Message);
        File.AppendAllText(articles, "{\"id\": 10, \"title\": \"Nog eens\", \"text\": \"Dubbel.\"}\n");
        Assert.Contains($"{articles}:3: field id: article 10 appears twice", Assert.Throws<InvalidDataException>(() => ReaderJudgments.Read(ann, people, articles)).Message);
        (ann, people, articles) = Write("RespondentId,Partisanship\n", Annotators);
        Assert.Contains($"{ann}:1: column ExternalId is missing", Assert.Throws<InvalidDataException>(() => ReaderJudgments.Read(ann, people, articles)).Message);
    }

    [SharedDataFact(Ann, People, Articles)]
    public void TheSurveyFilesAreFullyAccountedFor()
    {
        var data = ReaderJudgments.Read(SharedData.PathOf(Ann), SharedData.PathOf(People), SharedData.PathOf(Articles));
        Assert.Equal(Polder.Data.CsvReader.ReadRecords(new StreamReader(SharedData.PathOf(Ann))).Count() - 1, data.AnnotationRows);
        Assert.Equal(data.AnnotationRows, data.Judgments.Count + data.LeftOut.Values.Sum());
        Assert.Equal(16062, data.Judgments.Count);
    }
}
