import Testing
import Foundation
import Membrane
import MembraneLessons
import MembraneTestSupport

/// The interactive lesson: as a value driven line by line, and as `membrane lesson NAME` reading a pipe.
@Suite("lesson sessions")
struct SessionTests {
    typealias T = LessonTesting

    @Test func aSessionAsksChecksHintsAndExplains() throws {
        var session = LessonSession(try T.prepared("nernst-valence"))
        let intro = session.start()
        #expect(intro.contains("Question 1 of 4") && intro.contains("membrane nernst --ion K --inside 140 --outside 5"))
        #expect(try session.respond(to: "hint").hasPrefix("Hint: RT/F at 37 °C"))
        // A sign error: the trap's feedback and a second try, no explanation yet.
        let first = try session.respond(to: "89")
        #expect(first.contains("✗") && first.contains("sign") && first.contains("Try again"))
        #expect(session.index == 0)
        // Right on the second try: the explanation with the student's number, the worked equation, question 2.
        let second = try session.respond(to: "-89.2")
        #expect(second.contains("✓") && second.contains("You answered −89.2 mV") && second.contains("ln(5/140)"))
        #expect(second.contains("Question 2 of 4"))
        // Not an answer: said so, nothing counted.
        #expect(try session.respond(to: "lots").contains("expected a number"))
        // Two wrong answers: the answer and the explanation, then question 3.
        _ = try session.respond(to: "64")
        let reveal = try session.respond(to: "65")
        #expect(reveal.contains("the answer is 128.5 mV") && reveal.contains("Question 3 of 4"))
        let skipped = try session.respond(to: "skip")
        #expect(skipped.contains("Skipped") && skipped.contains("—"))
        let last = try session.respond(to: "half")
        #expect(last.contains("You answered 2 of 4 questions right") && last.contains("misconception"))
        #expect(session.finished)
        #expect(session.verdicts.compactMap { $0 }.filter(\.correct).count == 2)
    }

    /// `membrane lesson NAME` from a pipe (not a terminal): it reads line by line, echoes each answer, and ends
    /// with the summary when input ends early.
    @Test func commandLineThroughAPipe() throws {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("membrane")
        process.arguments = ["lesson", "temperature-hypothermia"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("-84.2\n46\n5.5\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("> -84.2\n✓ Right."))
        #expect(text.contains("> 46\n✗ Not quite.") && text.contains("Celsius"))
        #expect(text.contains("> 5.5\n✓ Right."))
        #expect(text.contains("Question 3 of 3"))
        #expect(text.contains("You answered 2 of 3 questions right."))
    }
}
