using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// A fact that boots VMs: reported as skipped, with the reason, where /dev/kvm is missing or
/// unusable — never passed silently.
/// </summary>
public sealed class KvmFactAttribute : FactAttribute
{
    public KvmFactAttribute()
    {
        if (Unusable is { } reason)
            Skip = $"KVM is not usable here: {reason}";
    }

    private static readonly Lazy<string?> LazyUnusable = new(() => Hrt.IsKvmUsable(out var reason) ? null : reason);

    public static string? Unusable => LazyUnusable.Value;
}

/// <summary>A theory that boots VMs; skipped like <see cref="KvmFactAttribute"/>.</summary>
public sealed class KvmTheoryAttribute : TheoryAttribute
{
    public KvmTheoryAttribute()
    {
        if (KvmFactAttribute.Unusable is { } reason)
            Skip = $"KVM is not usable here: {reason}";
    }
}
