/// The version of Membrane: the workbench's `X-Membrane-Version` header and the metadata of exported results.
public enum MembraneVersion {
    public static let current = "0.1.0"
}
