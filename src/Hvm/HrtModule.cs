namespace Nacre.Hvm;

/// <summary>
/// A file the VMM places in guest memory before boot, as a multiboot loader places modules: the
/// kernel lists it by <paramref name="Name"/> (docs/hvm.md, "Modules").
/// </summary>
/// <param name="Path">The file on the host, read when the HRT starts.</param>
/// <param name="Name">What the guest sees (printable ASCII); the file's name when omitted.</param>
public sealed record HrtModule(string Path, string Name)
{
    public HrtModule(string path) : this(path, System.IO.Path.GetFileName(path)) { }
}
