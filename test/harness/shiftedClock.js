// Preloaded (node --require) into a Concord process to start it as if later: CONCORD_TEST_CLOCK_SHIFT_MS
// is added to every reading of the clock (Date.now(), new Date()). libfaketime does the same for
// a whole process but is not installed everywhere.
const shift = Number(process.env.CONCORD_TEST_CLOCK_SHIFT_MS || 0);
if (shift) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...args);
    }
    static now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate;
}
