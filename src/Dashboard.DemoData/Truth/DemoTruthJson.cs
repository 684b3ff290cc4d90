using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.DemoData.Truth;

/// <summary>Reads and writes truth.json: snake_case, indented, enums as snake_case strings.</summary>
public static class DemoTruthJson
{
    public const string FileName = "truth.json";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write(DemoTruth truth, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, truth, Options);
    }

    public static DemoTruth Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<DemoTruth>(stream, Options) ?? throw new InvalidDataException($"{path} holds no truth");
    }
}
