using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Serialization;

namespace ArtBot.Storage.Tables;

/// <summary>
/// The mapped properties of one entity type, built by reflection once per type and cached. Entity types keep their public
/// properties when the app is trimmed (native AOT): <see cref="ITableEntity"/> asks for them.
/// </summary>
internal sealed class EntityTypeMap
{
    private static readonly ConcurrentDictionary<Type, EntityTypeMap> Cache = new();

    private static readonly HashSet<string> SystemProperties =
        [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    private EntityTypeMap(IReadOnlyList<EntityProperty> properties) => Properties = properties;

    public IReadOnlyList<EntityProperty> Properties { get; }

    public static EntityTypeMap For([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        Cache.TryGetValue(type, out var map) ? map : Cache.GetOrAdd(type, Build(type));

    private static EntityTypeMap Build([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
    {
        var properties = new List<EntityProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (SystemProperties.Contains(property.Name)
                || property.GetIndexParameters().Length > 0
                || property.GetMethod?.IsPublic != true
                || property.SetMethod?.IsPublic != true
                || property.IsDefined(typeof(IgnoreDataMemberAttribute), inherit: true))
            {
                continue;
            }

            var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var edm = EdmOf(clrType) ?? throw new NotSupportedException(
                $"{type.Name}.{property.Name} has type {property.PropertyType.Name}, which the table client does not map. "
                + "Use string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], an enum or their nullables, "
                + "or mark the property [IgnoreDataMember].");
            properties.Add(new EntityProperty(property, clrType, edm));
        }

        return new EntityTypeMap(properties);
    }

    internal static EdmType? EdmOf(Type clrType)
    {
        if (clrType.IsEnum)
        {
            return EdmType.Enum;
        }

        return Type.GetTypeCode(clrType) switch
        {
            TypeCode.String => EdmType.String,
            TypeCode.Int32 => EdmType.Int32,
            TypeCode.Int64 => EdmType.Int64,
            TypeCode.Double => EdmType.Double,
            TypeCode.Boolean => EdmType.Boolean,
            TypeCode.DateTime => EdmType.DateTime,
            _ when clrType == typeof(DateTimeOffset) => EdmType.DateTimeOffset,
            _ when clrType == typeof(Guid) => EdmType.Guid,
            _ when clrType == typeof(byte[]) => EdmType.Binary,
            _ => null,
        };
    }
}

/// <summary>One mapped property: its accessor, CLR type (nullable unwrapped) and wire kind.</summary>
internal sealed record EntityProperty(PropertyInfo Property, Type ClrType, EdmType Edm)
{
    public string Name => Property.Name;
}
