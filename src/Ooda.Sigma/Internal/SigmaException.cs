namespace Ooda.Sigma.Internal;

/// <summary>Thrown inside the loader and compiler; always caught and turned into a <see cref="SigmaError"/>.</summary>
internal sealed class SigmaException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public SigmaError ToError() => new(Reason, Message);
}
