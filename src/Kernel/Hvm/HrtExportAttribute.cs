using System;

namespace Nacre
{
    /// <summary>
    /// Makes a static method callable from the host through the HVM (Hrt.Invoke("Name", ...)).
    /// Up to four parameters of integer, pointer or double type; returns void, an integer, a
    /// pointer or a double. The generator emits the wrapper `nacre_export_Name(long ×4) → long`
    /// that the host finds in the image's symbols (docs/hvm.md).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class HrtExportAttribute : Attribute
    {
        public HrtExportAttribute() { }

        /// <param name="name">The name the host uses; the method's own name when omitted.</param>
        public HrtExportAttribute(string name) { }
    }
}
