namespace Nacre.Host.Infrastructure;

/// <summary>
/// An error of nacre itself (bad arguments, missing project or image, invalid image, build
/// failure, timeout). It is caught at the top level, printed as <c>nacre: error: message</c>
/// and turned into exit code 125, so that callers can tell it apart from the guest's own codes.
/// </summary>
public sealed class NacreException(string message) : Exception(message);
