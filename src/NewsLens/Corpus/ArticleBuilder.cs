namespace NewsLens;

/// <summary>Turns drafts into articles: stable ids and segmentation.</summary>
internal static class ArticleBuilder
{
    /// <summary>"folder/name" without extension, plus "#index" for every article but a page's main one.</summary>
    public static string IdFor(string relativeFile, DraftArticle draft, bool records)
    {
        if (!string.IsNullOrWhiteSpace(draft.SourceId))
            return draft.SourceId.Trim();
        var stem = StemOf(relativeFile);
        return records || draft.Index > 0 ? $"{stem}#{draft.Index}" : stem;
    }

    public static string StemOf(string relativeFile)
    {
        var dot = relativeFile.LastIndexOf('.');
        var slash = relativeFile.LastIndexOf('/');
        return dot > slash + 1 ? relativeFile[..dot] : relativeFile;
    }

    public static Article Build(DraftArticle draft, string id, string relativeFile, string? parentId)
    {
        var writer = ParagraphWriter.ForThisThread();
        draft.Body?.AddParagraphsTo(writer);
        foreach (var paragraph in draft.Paragraphs)
            writer.AddTrimmed(paragraph);
        var text = writer.ToString();
        var (paragraphs, sentences, words) = Segmenter.RangesOf(text);
        return new Article
        {
            Id = id,
            File = relativeFile,
            Index = draft.Index,
            Title = Blank(draft.Title),
            Outlet = Blank(draft.Outlet),
            Site = Blank(draft.Site),
            Author = Blank(draft.Author),
            Published = draft.Published,
            DateSource = draft.Published is null ? DateSource.None : draft.DateSource,
            PublishedAt = draft.Published is null ? null : draft.PublishedAt,
            Language = LanguageGuess.Of(text) ?? draft.Language,
            Url = Blank(draft.Url),
            ParentId = parentId,
            Text = text,
            Paragraphs = paragraphs,
            Sentences = sentences,
            Words = words,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
