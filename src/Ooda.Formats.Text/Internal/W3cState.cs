namespace Ooda.Formats.Text.Internal;

/// <summary>What the directives so far have declared, plus reusable split buffers sized to the header.</summary>
internal sealed class W3cState
{
    public W3cHeader? Header { get; private set; }

    public string? Software { get; set; }

    public DateTime? DirectiveDate { get; set; }

    public bool ReportedLocalTime { get; set; }

    /// <summary>Start of each value in the current line; one spare slot detects a surplus value.</summary>
    public int[] Starts { get; private set; } = [];

    public int[] Lengths { get; private set; } = [];

    public void SetHeader(W3cHeader? header)
    {
        Header = header;
        if (header is not null && Starts.Length < header.Names.Length + 1)
        {
            Starts = new int[header.Names.Length + 1];
            Lengths = new int[header.Names.Length + 1];
        }
    }
}
