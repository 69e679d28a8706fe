namespace ArtBot.BotFramework.Cards;

/// <summary>Common members of inputs. <c>Id</c> names the value in the action's data.</summary>
public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

/// <summary>A text field.</summary>
public sealed record TextInput : CardInput
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Regex { get; init; }
}

/// <summary>A choice between fixed values; <c>Style</c> <c>compact</c>, <c>expanded</c> or <c>filtered</c>.</summary>
public sealed record ChoiceSetInput(IList<Choice> Choices) : CardInput
{
    public string? Value { get; init; }
    public string? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
    public string? Placeholder { get; init; }
}

/// <summary>One choice of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>An on/off switch; the value is <c>ValueOn</c> or <c>ValueOff</c>.</summary>
public sealed record ToggleInput(string Title) : CardInput
{
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

/// <summary>A number field.</summary>
public sealed record NumberInput : CardInput
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Placeholder { get; init; }
}

/// <summary>A date field (<c>yyyy-MM-dd</c>).</summary>
public sealed record DateInput : CardInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}

/// <summary>A time field (<c>HH:mm</c>).</summary>
public sealed record TimeInput : CardInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}
