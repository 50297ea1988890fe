// The test environment: Node's, plus what Concord logs held back per test. A green run prints no
// log line (errors that tests provoke on purpose, such as storage going away, are expected there);
// a failing test prints everything Concord logged while it ran, below the failure.
const { TestEnvironment } = require('jest-environment-node');

class ConcordEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__concordLogs = [];
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__concordLogs.length = 0;
    if (event.name === 'test_done' && event.test.errors.length && this.global.__concordLogs.length) {
      process.stderr.write(`\nWhat Concord logged during "${event.test.name}":\n${this.global.__concordLogs.join('')}\n`);
    }
  }
}

module.exports = ConcordEnvironment;
