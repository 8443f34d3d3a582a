import Foundation
import Membrane

/// Files the command line writes (`--csv`, `--plot`, `--profile`, `--output`): a path that cannot be written is
/// bad input (exit status 64, docs/CLI-CONTRACT.md section 8) naming the option and quoting the path — checked
/// before a run starts, so that a long simulation does not end in an unwritable file, and again when writing.
enum OutputFile {
    /// Refuses `path` (for the option `field`) when its directory does not exist, is not a directory, or is not
    /// writable, or when the path itself is a directory.
    static func check(_ path: String?, field: String) throws {
        guard let path else { return }
        if let reason = problem(with: path) {
            throw MembraneError.invalidValue(field: field, value: path, allowed: "a file that can be written (\(reason))")
        }
    }

    /// Why `path` cannot be written, or nil when it looks writable.
    static func problem(with path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if path.isEmpty { return "an empty path" }
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "\(path) is a directory" }
            return manager.isWritableFile(atPath: path) ? nil : "\(path) is not writable"
        }
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else { return "the directory \(directory) does not exist" }
        guard isDirectory.boolValue else { return "\(directory) is not a directory" }
        return manager.isWritableFile(atPath: directory) ? nil : "the directory \(directory) is not writable"
    }

    /// Writes `text` to `path` (atomically); a failure is a ``MembraneError`` naming `field` and the path.
    static func write(_ text: String, to path: String, field: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            let reason = problem(with: path) ?? "the file could not be written"
            throw MembraneError.invalidValue(field: field, value: path, allowed: "a file that can be written (\(reason))")
        }
    }
}
