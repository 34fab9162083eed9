namespace NewsLens.Tests.Sentiment;

/// <summary>
/// Each VADER rule on a readable sentence; expected values are the reference implementation's output
/// (cjhutto/vaderSentiment, with the shipped lexicon).
/// </summary>
public sealed class VaderTests
{
    [Theory]
    // lexicon words, punctuation emphasis, boosters, ALL CAPS among mixed case
    [InlineData("VADER is smart, handsome, and funny.", 0.0, 0.254, 0.746, 0.8316)]
    [InlineData("VADER is smart, handsome, and funny!", 0.0, 0.248, 0.752, 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.0, 0.299, 0.701, 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.0, 0.246, 0.754, 0.9227)]
    [InlineData("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.0, 0.294, 0.706, 0.9469)]
    [InlineData("Today SUX!", 0.779, 0.221, 0.0, -0.5461)]
    [InlineData("GREAT\u00a0news today", 0.0, 0.293, 0.707, 0.7034)]
    // negation within three words, contractions, "never so/this", "without doubt"
    [InlineData("VADER is not smart, handsome, nor funny.", 0.646, 0.354, 0.0, -0.7424)]
    [InlineData("At least it isn't a horrible book.", 0.0, 0.678, 0.322, 0.431)]
    [InlineData("Not bad at all", 0.0, 0.513, 0.487, 0.431)]
    [InlineData("Sentiment analysis has never been good.", 0.325, 0.675, 0.0, -0.3412)]
    [InlineData("Sentiment analysis has never been this good!", 0.0, 0.621, 0.379, 0.5672)]
    [InlineData("Without a doubt, excellent idea.", 0.0, 0.341, 0.659, 0.7013)]
    // "no" as negation vs as a word of its own
    [InlineData("There is no good news.", 0.376, 0.624, 0.0, -0.3412)]
    [InlineData("no no no", 0.0, 0.209, 0.791, 0.4168)]
    [InlineData("It was no fun or joy.", 0.591, 0.409, 0.0, -0.6979)]
    // "least"
    [InlineData("Roger Dodger is one of the least compelling variations on this theme.", 0.132, 0.868, 0.0, -0.1695)]
    [InlineData("Roger Dodger is at least compelling as a variation on the theme.", 0.0, 0.853, 0.147, 0.2263)]
    [InlineData("The very least helpful answer.", 0.0, 0.565, 0.435, 0.4728)]
    // dampeners, "kind of", "sort of"
    [InlineData("The book was only kind of good.", 0.0, 0.697, 0.303, 0.3832)]
    [InlineData("Today only kinda sux! But I'll get by, lol", 0.127, 0.556, 0.317, 0.5249)]
    [InlineData("The rally was sort of a success.", 0.0, 0.638, 0.362, 0.5279)]
    // contrastive "but", including the reference's handling of repeated valences
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", 0.327, 0.579, 0.094, -0.7042)]
    [InlineData("A good good good day, but a bad bad night.", 0.467, 0.246, 0.287, -0.7684)]
    [InlineData("I\u2019m happy but the r\u00e9sum\u00e9 is AWFUL", 0.41, 0.402, 0.189, -0.5789)]
    // idioms and special cases (as far as the reference applies them)
    [InlineData("With VADER, sentiment analysis is the shit!", 0.0, 0.583, 0.417, 0.6476)]
    [InlineData("On the other hand, VADER is quite bad ass", 0.0, 0.423, 0.577, 0.802)]
    [InlineData("VADER is such a badass!", 0.0, 0.598, 0.402, 0.4003)]
    [InlineData("That plan is the kiss of death for the party.", 0.34, 0.476, 0.184, -0.3182)]
    [InlineData("The lasagna was to die for.", 0.438, 0.562, 0.0, -0.5994)]
    [InlineData("He died of a broken heart.", 0.779, 0.221, 0.0, -0.891)]
    [InlineData("Yeah right, great idea.", 0.0, 0.241, 0.759, 0.743)]
    // emoticons, exclamation marks (capped at four), question marks (two or more)
    [InlineData("Make sure you :) or :D today!", 0.0, 0.294, 0.706, 0.8633)]
    [InlineData("Good!!!!!!", 0.0, 0.0, 1.0, 0.6209)]
    [InlineData("Good??", 0.0, 0.0, 1.0, 0.504)]
    [InlineData("Good???", 0.0, 0.0, 1.0, 0.533)]
    [InlineData("Good????", 0.0, 0.0, 1.0, 0.594)]
    [InlineData("The budget is good?", 0.0, 0.508, 0.492, 0.4404)]
    // Python's whitespace: U+001C separates words; blank text scores all zeros
    [InlineData("good\u001cnews", 0.0, 0.256, 0.744, 0.4404)]
    [InlineData(" ", 0.0, 0.0, 0.0, 0.0)]
    [InlineData("", 0.0, 0.0, 0.0, 0.0)]
    public void ScoresLikeTheReference(string text, double negative, double neutral, double positive, double compound)
    {
        var score = Vader.Default.Score(text);

        Assert.Equal(new SentimentScore(negative, neutral, positive, compound), score);
    }

    [Fact]
    public void LongTextsUsePooledBuffersAndScoreTheSame()
    {
        var sentence = "The rally was a great success, but the speech was awful. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40));

        var score = Vader.Default.Score(text);

        Assert.Equal(score, Vader.Default.Score(text)); // pooled buffers leave nothing behind
        Assert.InRange(score.Compound, -1, 1);
        Assert.Equal(1.0, score.Negative + score.Neutral + score.Positive, 2);
    }

    [Fact]
    public void OneInstanceScoresFromManyThreadsAlike()
    {
        string[] texts =
        [
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
            string.Concat(Enumerable.Repeat("Not bad at all, but kind of grim. ", 30)),
        ];
        var expected = texts.Select(t => Vader.Default.Score(t)).ToArray();

        var results = new SentimentScore[3000];
        Parallel.For(0, results.Length, i => results[i] = Vader.Default.Score(texts[i % texts.Length]));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % texts.Length], results[i]));
    }

    [Fact]
    public void OverridesReRateDomainWords()
    {
        var vader = new Vader(new VaderOptions { Overrides = new Dictionary<string, double> { ["Shoot"] = 0, ["landslide"] = 2.5 } });

        Assert.True(Vader.Default.Score("They shoot three-pointers").Compound < 0);
        Assert.Equal(0.0, vader.Score("They shoot three-pointers").Compound); // keys are matched lower-cased
        Assert.Equal(0.0, Vader.Default.Score("A landslide").Compound);
        Assert.True(vader.Score("A landslide").Compound > 0);
    }

    [Fact]
    public void CustomLexiconReplacesTheDefault()
    {
        var lexicon = VaderLexicon.Parse(new StringReader("uplifting\t2.0\t0.5\t[2, 2]\ngrim\t-2.0\n"), "test lexicon");
        var vader = new Vader(new VaderOptions { Lexicon = lexicon });

        Assert.Equal(2, lexicon.Count);
        Assert.True(vader.Score("An uplifting day").Compound > 0);
        Assert.Equal(0.0, vader.Score("A good day").Compound); // "good" is not in this lexicon
        Assert.True(vader.Score("A grim day").Compound < 0);
    }

    [Fact]
    public void MalformedLexiconLineNamesSourceAndLine()
    {
        var error = Assert.Throws<FormatException>(() => VaderLexicon.Parse(new StringReader("good\t1.9\nbad\tvery\n"), "my.txt"));

        Assert.Contains("my.txt:2", error.Message);
    }

    [Fact]
    public void DefaultLexiconCarriesTheCurrentReferenceEntries()
    {
        var valences = VaderLexicon.Default.Valences;

        Assert.Equal(3.2, valences["heart"]);
        Assert.Equal(3.3, valences["hearts"]);
        Assert.Equal(-2.1, valences["flawed"]);
        Assert.Equal(1.4, valences["badass"]);
        Assert.Equal(7_506, VaderLexicon.Default.Count);
    }

    [Fact]
    public void EmojiAreReplacedByTheirDescriptionsWhenAnEmojiLexiconIsGiven()
    {
        var emoji = EmojiLexicon.Parse(new StringReader("\U0001F601\tbeaming face with smiling eyes\n\u2764\tred heart\n"));
        var vader = new Vader(new VaderOptions { Emoji = emoji });

        Assert.Equal(vader.Score("I red heart you"), vader.Score("I \u2764 you"));
        Assert.Equal(vader.Score("great beaming face with smiling eyes"), vader.Score("great\U0001F601"));
        Assert.Equal(0.0, Vader.Default.Score("\U0001F601").Compound); // no emoji lexicon by default
    }
}
