using System.Text.Json.Serialization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.Storage.Arts;

[JsonSerializable(typeof(List<Person>))]
internal sealed partial class ArtJsonContext : JsonSerializerContext;
