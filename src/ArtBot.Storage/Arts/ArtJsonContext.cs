using System.Text.Json.Serialization;
using ArtBot.Domain.Arts;

namespace ArtBot.Storage.Arts;

[JsonSerializable(typeof(List<ArtPerson>))]
internal sealed partial class ArtJsonContext : JsonSerializerContext;
