using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace NewsLens;

/// <summary>
/// Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or the zero-byte pattern), legacy 8-bit encodings such as
/// Windows-1252/Latin-1 (detected by UTF.Unknown); refuses binary files with a reason. A UTF-8 file with a few broken
/// bytes (a bad copy, a cut character) keeps its text, each bad sequence read as U+FFFD, with a warning naming the line.
/// </summary>
internal static class TextDecoding
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Most broken sequences a UTF-8 file may hold and still be read; more means it is not really UTF-8 (or badly damaged)
    /// and it is refused.
    /// </summary>
    internal const int MaxRepairedSequences = 16;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Decodes a whole page; on failure null, and <paramref name="problem"/> says why (and <paramref name="line"/> where).
    /// Text with <paramref name="problem"/> set was repaired: the problem is a warning.
    /// </summary>
    public static string? DecodePage(byte[] bytes, out string? problem, out int? line)
    {
        line = null;
        var encoding = Detect(bytes, out var bom, out problem, out line, wholeFile: true);
        if (encoding is null)
            return null;
        return encoding.GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>
    /// A page as UTF-8, for parsers that read bytes: a UTF-8 file's own bytes (after any byte order mark), other
    /// encodings decoded and re-encoded; on failure null, with the <paramref name="problem"/> as for <see cref="DecodePage"/>.
    /// </summary>
    public static ReadOnlyMemory<byte>? Utf8Page(byte[] bytes, out string? problem, out int? line)
    {
        line = null;
        var encoding = Detect(bytes, out var bom, out problem, out line, wholeFile: true);
        if (encoding is null)
            return null;
        if (encoding == Utf8Lenient && problem is null)
            return bytes.AsMemory(bom); // checked valid: decoding and re-encoding would give the same bytes
        return Encoding.UTF8.GetBytes(encoding.GetString(bytes, bom, bytes.Length - bom));
    }

    /// <summary>Opens a reader over a large file with its encoding detected from the first bytes; null with a problem for binary files.</summary>
    public static StreamReader? OpenReader(string path, out string? problem)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var head = new byte[(int)Math.Min(SniffBytes, stream.Length)];
            stream.ReadExactly(head);
            stream.Position = 0;
            var encoding = Detect(head, out _, out problem, out _, wholeFile: head.Length == stream.Length);
            if (encoding is null)
            {
                stream.Dispose();
                return null;
            }

            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The encoding of a large file detected from its first bytes (as <see cref="OpenReader"/> does), read through
    /// <paramref name="stream"/>; null with a problem for binary files. <paramref name="utf8"/>: its lines can be cut by bytes.
    /// </summary>
    public static Encoding? DetectHead(FileStream stream, out bool utf8, out int headBytes, out string? problem)
    {
        var head = new byte[(int)Math.Min(SniffBytes, stream.Length)];
        stream.Position = 0;
        stream.ReadExactly(head);
        headBytes = head.Length;
        var encoding = Detect(head, out _, out problem, out _, wholeFile: head.Length == stream.Length);
        utf8 = encoding == Utf8Lenient;
        return encoding;
    }

    /// <summary>UTF-8 that turns invalid bytes into U+FFFD, as the readers of large files decode.</summary>
    public static Encoding LenientUtf8 => Utf8Lenient;

    private static Encoding? Detect(byte[] bytes, out int bom, out string? problem, out int? line, bool wholeFile)
    {
        problem = null;
        line = null;
        bom = 0;
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bom = 3;
            return CheckUtf8(span[3..], wholeFile, ref problem, ref line) ? Utf8Lenient : null;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bom = 2;
            return Encoding.Unicode;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bom = 2;
            return Encoding.BigEndianUnicode;
        }

        var sniff = span[..Math.Min(span.Length, 8192)];
        if (sniff.Contains((byte)0))
        {
            if (Utf16Without(sniff) is { } utf16)
                return utf16;
            problem = "binary file" + (MagicName(span) is { } kind ? $" ({kind})" : "") + ", not text";
            return null;
        }

        var controls = 0;
        foreach (var b in sniff)
            if (b < 32 && b is not (9 or 10 or 12 or 13 or 27))
                controls++;
        if (sniff.Length > 0 && controls * 20 > sniff.Length)
        {
            problem = "binary file" + (MagicName(span) is { } kind ? $" ({kind})" : "") + ", not text";
            return null;
        }

        if (Utf8.IsValid(TrimPartial(span, wholeFile)))
            return Utf8Lenient;

        // Invalid UTF-8: a file that also holds well-formed multi-byte characters is broken UTF-8; one that holds
        // none is in a legacy 8-bit encoding.
        var (validMultibyte, firstInvalid, invalid) = ScanUtf8(span);
        if (validMultibyte > 0)
        {
            line = 1 + span[..firstInvalid].Count((byte)'\n');
            if (invalid <= MaxRepairedSequences)
            {
                problem = Repaired(invalid, span[firstInvalid], firstInvalid);
                return Utf8Lenient;
            }

            problem = $"invalid UTF-8 ({invalid} broken sequences, the first byte 0x{span[firstInvalid]:X2} at offset {firstInvalid}) in a UTF-8 file";
            return null;
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.Length > SniffBytes ? bytes[..SniffBytes] : bytes).Detected;
        var encoding = detected?.Encoding;
        if (encoding is null || encoding is UTF8Encoding || encoding.CodePage is 65001 or 20127 or 1200 or 1201)
            encoding = Encoding.GetEncoding(1252);
        return encoding;
    }

    private static bool CheckUtf8(ReadOnlySpan<byte> span, bool wholeFile, ref string? problem, ref int? line)
    {
        if (Utf8.IsValid(TrimPartial(span, wholeFile)))
            return true;
        var (_, firstInvalid, invalid) = ScanUtf8(span);
        line = 1 + span[..firstInvalid].Count((byte)'\n');
        if (invalid <= MaxRepairedSequences)
        {
            problem = Repaired(invalid, span[firstInvalid], firstInvalid + 3);
            return true;
        }

        problem = $"invalid UTF-8 ({invalid} broken sequences, the first byte 0x{span[firstInvalid]:X2} at offset {firstInvalid + 3}) after a UTF-8 byte order mark";
        return false;
    }

    // A sniffed prefix may end inside a multi-byte character.
    private static ReadOnlySpan<byte> TrimPartial(ReadOnlySpan<byte> span, bool wholeFile)
    {
        if (wholeFile)
            return span;
        var end = span.Length;
        for (var k = 0; k < 3 && end > 0 && (span[end - 1] & 0x80) != 0; k++)
        {
            end--;
            if ((span[end] & 0xC0) == 0xC0)
                break;
        }

        return span[..end];
    }

    private static string Repaired(int sequences, byte first, int offset) =>
        $"invalid UTF-8 read as U+FFFD: {sequences} broken sequence{(sequences == 1 ? "" : "s")}, the first byte 0x{first:X2} at offset {offset}";

    private static (int ValidMultibyte, int FirstInvalid, int Invalid) ScanUtf8(ReadOnlySpan<byte> span)
    {
        var valid = 0;
        var invalid = 0;
        var firstInvalid = -1;
        var i = 0;
        while (i < span.Length)
        {
            if (span[i] < 0x80)
            {
                i++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(span[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
                if (firstInvalid < 0)
                    firstInvalid = i;
            }

            i += Math.Max(1, consumed);
        }

        return (valid, Math.Max(0, firstInvalid), invalid);
    }

    private static Encoding? Utf16Without(ReadOnlySpan<byte> sniff)
    {
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i + 1 < sniff.Length; i += 2)
        {
            if (sniff[i] == 0)
                evenZero++;
            if (sniff[i + 1] == 0)
                oddZero++;
        }

        var pairs = Math.Max(1, sniff.Length / 2);
        if (oddZero * 10 > pairs * 4 && evenZero * 20 < pairs)
            return Encoding.Unicode;
        if (evenZero * 10 > pairs * 4 && oddZero * 20 < pairs)
            return Encoding.BigEndianUnicode;
        return null;
    }

    private static string? MagicName(ReadOnlySpan<byte> span) => span switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => "PDF",
        [0x50, 0x4B, 0x03, 0x04, ..] => "ZIP archive",
        [0x89, 0x50, 0x4E, 0x47, ..] => "PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG image",
        [0x1F, 0x8B, ..] => "gzip archive",
        [0x47, 0x49, 0x46, 0x38, ..] => "GIF image",
        _ => null,
    };

    /// <summary>UTF-8 that decodes broken sequences as U+FFFD instead of throwing (record readers flag such lines).</summary>
    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}
