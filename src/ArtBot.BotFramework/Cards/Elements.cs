namespace ArtBot.BotFramework.Cards;

/// <summary>Text, with the Markdown subset Teams renders (bold, italic, lists, links).</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    /// <summary><c>Small</c>, <c>Default</c>, <c>Medium</c>, <c>Large</c>, <c>ExtraLarge</c>.</summary>
    public string? Size { get; init; }
    /// <summary><c>Lighter</c>, <c>Default</c>, <c>Bolder</c>.</summary>
    public string? Weight { get; init; }
    /// <summary><c>Default</c>, <c>Dark</c>, <c>Light</c>, <c>Accent</c>, <c>Good</c>, <c>Warning</c>, <c>Attention</c>.</summary>
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public string? FontType { get; init; }
    public int? MaxLines { get; init; }
    /// <summary><c>heading</c> for headings (accessibility).</summary>
    public string? Style { get; init; }
    /// <summary><c>Left</c>, <c>Center</c> or <c>Right</c>.</summary>
    public string? HorizontalAlignment { get; init; }
}

/// <summary>A group of elements, optionally styled (<c>emphasis</c>, <c>good</c>, <c>attention</c>, <c>warning</c>, <c>accent</c>).</summary>
public sealed record Container(IList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }
    public bool? Bleed { get; init; }
}

/// <summary>Columns side by side.</summary>
public sealed record ColumnSet(IList<Column> Columns) : CardElement;

/// <summary>A column of a <see cref="ColumnSet"/>; <c>Width</c> is <c>auto</c>, <c>stretch</c> or a weight.</summary>
public sealed record Column(IList<CardElement> Items)
{
    public string Type { get; init; } = "Column";
    public string? Width { get; init; }
    public string? VerticalContentAlignment { get; init; }
    public string? Style { get; init; }
    /// <summary>Drawn behind the column's items, e.g. a <see cref="SolidColorImage"/> that fills it (a bar of a chart).</summary>
    public BackgroundImage? BackgroundImage { get; init; }
}

/// <summary>An image behind an element; <c>FillMode</c> is <c>Cover</c>, <c>RepeatHorizontally</c>, <c>RepeatVertically</c> or <c>Repeat</c>.</summary>
public sealed record BackgroundImage(string Url)
{
    public string? FillMode { get; init; }
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet(IList<Fact> Facts) : CardElement;

/// <summary>One label/value pair of a <see cref="FactSet"/>.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>An image by URL (https or a data: URI).</summary>
public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }
    public string? Size { get; init; }
    public string? Width { get; init; }
    public string? Height { get; init; }
}

/// <summary>Actions placed inside the body.</summary>
public sealed record ActionSet(IList<CardAction> Actions) : CardElement;
