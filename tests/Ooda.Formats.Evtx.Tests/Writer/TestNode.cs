namespace Ooda.Formats.Evtx.Tests.Writer;

/// <summary>Template content for the test writer: an element, literal text, or a substitution slot.</summary>
public abstract record TestNode
{
    public static TestElement Element(string name, params TestNode[] children) => new(name, [], children);

    public static TestText Text(string text) => new(text);

    public static TestSubstitution Sub(ushort id, EvtxValueType type, bool optional = false) => new(id, type, optional);
}

public sealed record TestElement(string Name, (string Name, TestNode Value)[] Attributes, TestNode[] Children) : TestNode
{
    public TestElement Attr(string name, TestNode value) => this with { Attributes = [.. Attributes, (name, value)] };
}

public sealed record TestText(string Value) : TestNode;

public sealed record TestSubstitution(ushort Id, EvtxValueType Type, bool Optional) : TestNode;
