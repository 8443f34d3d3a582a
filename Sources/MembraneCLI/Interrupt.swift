import Foundation
import Synchronization

/// Ctrl-C for long computations: the first SIGINT sets a flag that the run loop polls, so the command can
/// stop cleanly and write what it has computed; a second SIGINT (after ``restore()``) ends the process.
enum Interrupt {
    static let flag = Atomic<Bool>(false)

    /// Installs the handler (call before a long loop).
    static func install() {
        flag.store(false, ordering: .relaxed)
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        // A parent may have started us with SIGINT blocked (the mask is inherited across exec): unblock it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Back to the default action.
    static func restore() { signal(SIGINT, SIG_DFL) }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    let label: String
    let enabled: Bool
    var lastDraw = Date.distantPast

    init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) != 0
    }

    func update(_ fraction: Double, detail: String) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = Int((max(0, min(1, fraction)) * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let text = "\r\(label) [\(bar)] \(Int(fraction * 100))% \(detail)  (Ctrl-C stops and keeps the result)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 110) + "\r").utf8))
    }
}
