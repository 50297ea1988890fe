// Tests read what people see, not the service's info log.
process.env.CONCORD_QUIET = '1';
