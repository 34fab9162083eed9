using Microsoft.Data.Analysis;

namespace NewsLens;

/// <summary>How a mention was recognised.</summary>
public enum MentionSource
{
    /// <summary>A catalogued name or alias ("Sergei Lavrov", "Kiev", "Putin").</summary>
    Catalog,

    /// <summary>A role phrase resolved by the catalog and the article's date ("the Kremlin spokesman").</summary>
    Role,

    /// <summary>A short form resolved to a full name seen earlier in the article ("Quidet" after "Emmanuel Quidet").</summary>
    Alias,

    /// <summary>An actor not in the catalog, found from the grammar of its name: a person ("journalist Pavel Zarubin", "Tony Blair said"), an organisation ("National Council for Adoption", "… Office (ICO)").</summary>
    Discovered,
}

/// <summary>One mention of an actor in an article; Start/End are offsets into <see cref="NewsLens.Article.Text"/>.</summary>
/// <param name="ArticleId">The article's <see cref="NewsLens.Article.Id"/>.</param>
/// <param name="Paragraph">Index of the paragraph holding the mention.</param>
/// <param name="Sentence">Index of the sentence holding the mention (into <see cref="NewsLens.Article.Sentences"/>).</param>
/// <param name="Actor">Canonical name (catalog name, or the full name of a discovered person).</param>
public sealed record Mention(
    string ArticleId,
    int Paragraph,
    int Sentence,
    string Actor,
    ActorKind Kind,
    string Surface,
    int Start,
    int End,
    MentionSource Source)
{
    /// <summary>The person's gender when the catalog or the context (Mr., businesswoman) tells it.</summary>
    public Gender Gender { get; init; }

    /// <summary>For a role mention: the office key that resolved it ("foreign minister").</summary>
    public string? Office { get; init; }
}

/// <summary>Table views of mentions.</summary>
public static class MentionExtensions
{
    /// <summary>Columns: article, paragraph, sentence, actor, kind, surface, start, end, source (lowercase kinds and sources).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Mention> mentions)
    {
        var list = mentions as IReadOnlyList<Mention> ?? mentions.ToList();
        return new DataFrame(
            new StringDataFrameColumn("article", list.Select(m => m.ArticleId)),
            new PrimitiveDataFrameColumn<int>("paragraph", list.Select(m => m.Paragraph)),
            new PrimitiveDataFrameColumn<int>("sentence", list.Select(m => m.Sentence)),
            new StringDataFrameColumn("actor", list.Select(m => m.Actor)),
            new StringDataFrameColumn("kind", list.Select(m => m.Kind.ToString().ToLowerInvariant())),
            new StringDataFrameColumn("surface", list.Select(m => m.Surface)),
            new PrimitiveDataFrameColumn<int>("start", list.Select(m => m.Start)),
            new PrimitiveDataFrameColumn<int>("end", list.Select(m => m.End)),
            new StringDataFrameColumn("source", list.Select(m => m.Source.ToString().ToLowerInvariant())));
    }
}
