using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Routing;

/// <summary>
/// Like <see cref="CardTextConverter"/>, but a value that is there and is not a string, number or boolean (null, an
/// object, an array) reads as <c>?</c>, not as absent: for data whose check tells the person which value is not valid.
/// </summary>
public sealed class CardCheckedTextConverter : JsonConverter<string>
{
    public const string NotAValue = "?";

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return CardTextConverter.Raw(ref reader);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return NotAValue;
        }
    }

    /// <summary>Keys (a dictionary's) are read as they are.</summary>
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
