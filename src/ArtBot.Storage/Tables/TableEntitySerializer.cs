using System.Globalization;
using System.Text.Json;
using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>
/// Entities to and from the Table service's JSON: Int64 as a string with <c>Edm.Int64</c>, doubles always
/// <c>Edm.Double</c>, DateTime with 7 fractional digits and <c>Edm.DateTime</c>, <c>Edm.Guid</c>, <c>Edm.Binary</c>;
/// enums as their names; null properties are left out.
/// </summary>
internal static class TableEntitySerializer
{
    private const string TypeSuffix = "@odata.type";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(ITableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString(nameof(ITableEntity.PartitionKey), entity.PartitionKey);
        writer.WriteString(nameof(ITableEntity.RowKey), entity.RowKey);
        if (entity is TableEntity dynamic)
        {
            foreach (var (name, value) in dynamic)
            {
                if (name is nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp)
                    or TableEntity.ETagKey || name.StartsWith("odata.", StringComparison.Ordinal)
                    || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                WriteValue(writer, name, value);
            }
        }
        else
        {
            foreach (var property in MapOf(entity).Properties)
            {
                WriteValue(writer, property.Name, property.Property.GetValue(entity));
            }
        }

        writer.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteDouble(writer, name, d);
                break;
            case float f:
                WriteDouble(writer, name, f);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(dto));
                break;
            case DateTime dt:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(AsUtc(dt)));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' has type {value.GetType().Name}, which the table client does not map.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double d)
    {
        writer.WriteString(name + TypeSuffix, "Edm.Double");
        if (double.IsFinite(d))
        {
            writer.WriteNumber(name, d);
        }
        else
        {
            writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>UTC as is; local converted; unspecified taken as UTC (the service stores UTC only).</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>The columns of <paramref name="entity"/>'s type (kept by the trimmer: see <see cref="ITableEntity"/>).</summary>
    private static EntityTypeMap MapOf(ITableEntity entity) => EntityTypeMap.For(entity.GetType());

    public static T Deserialize<T>(JsonElement json)
        where T : class, ITableEntity, new()
    {
        if (typeof(T) == typeof(TableEntity))
        {
            return (T)(object)ToTableEntity(json);
        }

        var entity = new T();
        ReadSystemProperties(json, entity);
        foreach (var property in MapOf(entity).Properties)
        {
            if (!json.TryGetProperty(property.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var edm = json.TryGetProperty(property.Name + TypeSuffix, out var t) ? t.GetString() : null;
            object converted;
            try
            {
                converted = ConvertTo(property, value, edm);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"Property '{property.Name}' ({edm ?? value.ValueKind.ToString()}) cannot be read as {property.ClrType.Name}.", e);
            }

            property.Property.SetValue(entity, converted);
        }

        return entity;
    }

    public static TableEntity ToTableEntity(JsonElement json)
    {
        var entity = new TableEntity();
        foreach (var item in json.EnumerateObject())
        {
            var name = item.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name == TableEntity.ETagKey)
            {
                entity[name] = item.Value.GetString();
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (name == nameof(ITableEntity.Timestamp) && item.Value.ValueKind == JsonValueKind.String)
            {
                entity[name] = ParseDateTime(item.Value.GetString()!);
                continue;
            }

            var edm = json.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
            entity[name] = ReadUntyped(item.Value, edm);
        }

        return entity;
    }

    private static void ReadSystemProperties(JsonElement json, ITableEntity entity)
    {
        if (json.TryGetProperty(nameof(ITableEntity.PartitionKey), out var pk) && pk.ValueKind == JsonValueKind.String)
        {
            entity.PartitionKey = pk.GetString()!;
        }

        if (json.TryGetProperty(nameof(ITableEntity.RowKey), out var rk) && rk.ValueKind == JsonValueKind.String)
        {
            entity.RowKey = rk.GetString()!;
        }

        if (json.TryGetProperty(nameof(ITableEntity.Timestamp), out var ts) && ts.ValueKind == JsonValueKind.String)
        {
            entity.Timestamp = ParseDateTime(ts.GetString()!);
        }

        if (json.TryGetProperty(TableEntity.ETagKey, out var etag) && etag.ValueKind == JsonValueKind.String)
        {
            entity.ETag = new ETag(etag.GetString()!);
        }
    }

    private static object? ReadUntyped(JsonElement value, string? edm) => edm switch
    {
        _ when value.ValueKind == JsonValueKind.Null => null,
        "Edm.Int64" => ReadInt64(value),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => ReadDouble(value),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        },
    };

    private static object ConvertTo(EntityProperty property, JsonElement value, string? edm) => property.Edm switch
    {
        EdmType.String => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(),
        EdmType.Int32 => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        EdmType.Int64 => ReadInt64(value),
        EdmType.Double => ReadDouble(value),
        EdmType.Boolean => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        EdmType.DateTimeOffset => ParseDateTime(value.GetString()!),
        EdmType.DateTime => ParseDateTime(value.GetString()!).UtcDateTime,
        EdmType.Guid => Guid.Parse(value.GetString()!),
        EdmType.Binary => value.GetBytesFromBase64(),
        EdmType.Enum => value.ValueKind == JsonValueKind.Number
            ? Enum.ToObject(property.ClrType, value.GetInt64())
            : Enum.Parse(property.ClrType, value.GetString()!),
        _ => throw new InvalidOperationException($"Unmapped EDM type {edm}."),
    };

    private static long ReadInt64(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();

    private static double ReadDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidOperationException($"A {value.ValueKind} is not a double."),
    };

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
