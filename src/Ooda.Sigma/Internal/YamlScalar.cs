namespace Ooda.Sigma.Internal;

/// <summary>A YAML scalar as written: its text and whether it was plain (unquoted), which decides null/bool/number.</summary>
internal sealed record YamlScalar(string Text, bool Plain)
{
    public bool IsBool(out bool value)
    {
        value = false;
        if (!Plain)
            return false;
        if (Text is "true" or "True" or "TRUE" or "yes")
            return value = true;
        return Text is "false" or "False" or "FALSE" or "no";
    }

    public override string ToString() => Text;
}
