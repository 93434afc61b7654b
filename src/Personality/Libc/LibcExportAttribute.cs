using System;

namespace Nacre.Personality
{
    /// <summary>
    /// Exports a static method to loaded programs under the C name(s) given: the loader binds a
    /// program's imports of those names to it (docs/dotnet.md). The method is called with the C
    /// calling convention (System V AMD64, which is also how ilc calls managed code here), so its
    /// parameters must be integers, pointers or floating-point values. The generator collects
    /// every such method into LibcExportTable.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LibcExportAttribute : Attribute
    {
        public LibcExportAttribute(params string[] names) { }
    }
}
