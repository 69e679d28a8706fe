using System.Text.Json.Serialization;
using ArtBot.Domain.Improvements;

namespace ArtBot.Storage.Improvements;

[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<ReviewedItem>))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class ImprovementJsonContext : JsonSerializerContext;
