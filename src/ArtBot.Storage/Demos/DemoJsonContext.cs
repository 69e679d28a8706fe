using System.Text.Json.Serialization;
using ArtBot.Domain.Demos;

namespace ArtBot.Storage.Demos;

/// <summary>The System Demo rows' JSON (enums by name, so a reordered enum never changes a stored verdict).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SystemDemo))]
[JsonSerializable(typeof(DemoTeamAnswer))]
[JsonSerializable(typeof(DemoFeedback))]
[JsonSerializable(typeof(IntegrationProblem))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
