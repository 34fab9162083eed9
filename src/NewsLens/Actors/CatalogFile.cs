using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLens;

// The JSON shape of a catalog file (see actors.json); converted to Actor records on load.
internal sealed class CatalogFile
{
    [JsonPropertyName("offices")]
    public Dictionary<string, List<string>>? Offices { get; set; }

    [JsonPropertyName("actors")]
    public List<ActorEntry>? Actors { get; set; }

    internal sealed class ActorEntry
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("gender")] public string? Gender { get; set; }
        [JsonPropertyName("affiliation")] public string? Affiliation { get; set; }
        [JsonPropertyName("aliases")] public List<string>? Aliases { get; set; }
        [JsonPropertyName("short")] public List<string>? Short { get; set; }
        [JsonPropertyName("demonyms")] public List<string>? Demonyms { get; set; }
        [JsonPropertyName("stands_for")] public string? StandsFor { get; set; }
        [JsonPropertyName("roles")] public List<RoleEntry>? Roles { get; set; }
    }

    internal sealed class RoleEntry
    {
        [JsonPropertyName("office")] public string? Office { get; set; }
        [JsonPropertyName("of")] public List<string>? Of { get; set; }
        [JsonPropertyName("from")] public string? From { get; set; }
        [JsonPropertyName("to")] public string? To { get; set; }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static CatalogFile Parse(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<CatalogFile>(stream, Options)
                ?? throw new InvalidDataException($"{source}: empty actor catalog");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: invalid actor catalog JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }
}
