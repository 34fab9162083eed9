namespace NewsLens.Tests.CorpusLoading; // not ".Corpus": that would hide the Corpus type from every other test namespace

public class DateTextTests
{
    [Theory]
    [InlineData("July 08, 2024", "2024-07-08")]
    [InlineData("April 9, 2024 9:13 AM", "2024-04-09")]
    [InlineData("Published: 8 July 2024", "2024-07-08")]
    [InlineData("Mon, 8 Jul 2024 10:00:00 GMT", "2024-07-08")]
    [InlineData("26-04-2025", "2025-04-26")]
    [InlineData("04/26/2025", "2025-04-26")]
    [InlineData("2024-07-08T10:15:00+03:00", "2024-07-08")]
    [InlineData("Sept. 3, 2019", "2019-09-03")]
    [InlineData("the 3rd of March, 2023", "2023-03-03")]
    public void ReadsCommonDateForms(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DateText.FirstFull(text)?.Date);

    [Theory]
    [InlineData("in March 2014")]
    [InlineData("24 Marines landed")]
    [InlineData("on 31 February 2023")]
    [InlineData("last week")]
    public void IgnoresWhatIsNotAFullDate(string text) => Assert.Null(DateText.FirstFull(text)?.Date);

    [Theory]
    [InlineData("https://www.example.com/2024/07/08/story-a1", "2024-07-08")]
    [InlineData("https://example.com/news/2023-11-30-budget", "2023-11-30")]
    [InlineData("https://example.com/20220115/story", "2022-01-15")]
    [InlineData("https://example.com/story-123", null)]
    [InlineData("https://example.com/2024/07/story", null)]
    public void ReadsDatesInUrlPaths(string url, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), DateText.FromUrl(url));

    [Theory]
    [InlineData("1987-02-26T15:01:01", "1987-02-26")]
    [InlineData("2022-03-01", "2022-03-01")]
    [InlineData("1709251200", "2024-03-01")]
    [InlineData("March 1, 2022", "2022-03-01")]
    [InlineData("not a date", null)]
    public void ReadsMetadataValues(string value, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), DateText.ParseValue(value));
}

public class DateInferenceTests
{
    private static DateOnly? Infer(string text) => DateInference.Infer(text, PageRules.Default.Events, 2026);

    [Fact]
    public void AnElectionDayNamedInTheTextFixesTheYear() =>
        Assert.Equal(new DateOnly(2017, 3, 24), Infer(
            "The candidate met the president on March 24. The visit comes a month before the April 23 first round of the French election."));

    [Fact]
    public void AWeekdayWithAMonthDayFitsOneYearSinceTheLatestYearMentioned() =>
        // Friday, March 3 between 2021 and 2026: only 2023.
        Assert.Equal(new DateOnly(2023, 3, 3), Infer("On Friday, March 3, ministers met. The deal had been agreed in 2021."));

    [Fact]
    public void TheSameMonthDayPrintedWithItsYearElsewhere() =>
        Assert.Equal(new DateOnly(2019, 5, 2), Infer("The talks on May 2 failed. Officials confirmed the May 2, 2019 meeting had ended early."));

    [Theory]
    [InlineData("The talks on May 2 failed. The war began in 2014.")]
    [InlineData("The meeting was last week, on Friday.")]
    [InlineData("On Friday, March 3, ministers met.")]
    [InlineData("The UK chancellor will deliver the budget on 16 March. The general election is widely expected on 5 May.")]
    [InlineData("UK voters must register by Friday 11 March to vote in the general election on 5 May.")]
    [InlineData("A later paragraph. Officials said the talks on 7 March had failed; the memo of 7 March 2003 was leaked.", 1600)]
    public void OtherwiseNoDate(string text, int padding = 0) => Assert.Null(Infer(new string('x', padding) + " " + text));
}

public class OutletCatalogTests
{
    [Theory]
    [InlineData("Russia Today", "RT")]
    [InlineData("RT (Russia Today)", "RT")]
    [InlineData("Associated Press (AP wire copy hosted elsewhere)", "AP")]
    [InlineData("radio free europe/radio liberty", "RFE/RL")]
    [InlineData("Some Local Weekly", "Some Local Weekly")]
    public void NamesAreNormalised(string name, string expected) => Assert.Equal(expected, PageRules.Default.Outlets.Normalize(name));

    [Theory]
    [InlineData("www.themoscowtimes.com", "The Moscow Times")]
    [InlineData("edition.cnn.com", "CNN")]
    [InlineData("news.bbc.co.uk", "BBC")]
    [InlineData("example.org", null)]
    public void HostsAreNamed(string host, string? expected) => Assert.Equal(expected, PageRules.Default.Outlets.ForHost(host));
}
