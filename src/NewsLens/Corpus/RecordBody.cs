using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsLens;

/// <summary>
/// A record's body text (JSON, CSV), held from reading until its article is built. A JSON string is kept as its raw
/// UTF-8 token (about half the bytes of a string for English text) and decoded where the article is built, into
/// scratch: the article's text is then the only string made of it.
/// </summary>
internal sealed class RecordBody
{
    private readonly string? text;
    private readonly byte[]? json;

    private RecordBody(string? text, byte[]? json)
    {
        this.text = text;
        this.json = json;
    }

    /// <summary>About the length of the text (exact for a string, the token's bytes for JSON).</summary>
    public int Length => text?.Length ?? json!.Length;

    public static RecordBody Of(string text) => new(text, null);

    /// <summary>The text of a JSON value (<see cref="RecordMapper.JsonText"/>); null when it has none.</summary>
    public static RecordBody? FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
            return RecordMapper.JsonText(element) is { } value ? Of(value) : null;
        var body = new RecordBody(null, JsonMarshal.GetRawUtf8Value(element).ToArray());

        // A string that cannot be decoded (a lone surrogate escape, broken UTF-8) throws here, as GetString would,
        // not later where the article is built.
        if (body.json.AsSpan().IndexOf(@"\u"u8) >= 0 || !Utf8.IsValid(body.json))
            _ = body.DecodeInScratch(static _ => true);
        return body;
    }

    /// <summary>Empty or only white space (such a body does not count as the record's text).</summary>
    public bool IsWhiteSpace
    {
        get
        {
            if (text is not null)
                return string.IsNullOrWhiteSpace(text);

            // Mostly the first plain character settles it; else (escapes, non-ASCII) decode to be sure.
            foreach (var b in json.AsSpan(1, json!.Length - 2))
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                    continue;
                if (b is < 0x80 and not (byte)'\\')
                    return false;
                break;
            }

            return DecodeInScratch(static text => text.IsWhiteSpace());
        }
    }

    /// <summary>Adds the body's paragraphs to <paramref name="into"/>.</summary>
    public void AddParagraphsTo(ParagraphWriter into)
    {
        if (text is not null)
        {
            PlainText.AddParagraphs(text.AsMemory(), into, decodeEntities: true);
            return;
        }

        var scratch = into.BodyScratch;
        scratch.Clear();
        scratch.Length = Decode(scratch.Reserve(json!.Length));
        PlainText.AddParagraphs(scratch.Memory, into, decodeEntities: true);
    }

    private bool DecodeInScratch(Func<ReadOnlySpan<char>, bool> test)
    {
        var scratch = ArrayPool<char>.Shared.Rent(json!.Length);
        try
        {
            return test(scratch.AsSpan(0, Decode(scratch)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    // Unescapes the JSON token into a span as long as the token (the text never has more characters than it has bytes).
    private int Decode(Span<char> into)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.CopyString(into);
    }
}
