namespace Nacre.Host.Infrastructure;

/// <summary>
/// The exit codes of the nacre process. They follow <c>docker run</c>: the guest's own code
/// passes through unchanged (0..126), and codes the guest cannot produce mark nacre's outcomes.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>nacre test</c>: at least one test failed.</summary>
    public const int TestsFailed = 1;

    /// <summary>An error of nacre itself, or QEMU failing to run the image.</summary>
    public const int ToolError = 125;

    /// <summary>The kernel panicked.</summary>
    public const int KernelPanic = Nacre.Abi.KernelExitCode.Panic;
}
