using System.Text.Json.Serialization;
using ArtBot.Domain.Planning;

namespace ArtBot.Storage.Planning;

/// <summary>The planning rows' JSON columns: a feature's parts, a capacity's figures, an objective's features.</summary>
[JsonSerializable(typeof(List<FeaturePart>))]
[JsonSerializable(typeof(List<int?>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
