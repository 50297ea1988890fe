/** The strategy discussion use cases, built once from their ports. */
import { Acknowledgements } from './acknowledgement';
import { StrategyChasers } from './chasers';
import { Convening } from './convening';
import { Handovers } from './handovers';
import { Outcomes } from './outcome';
import { StrategyPorts } from './ports';
import { StrategyRecord } from './record';

export interface Strategy {
  convening: Convening;
  outcomes: Outcomes;
  acknowledgements: Acknowledgements;
  chasers: StrategyChasers;
  record: StrategyRecord;
  handovers: Handovers;
}

export function strategyUseCases(ports: StrategyPorts): Strategy {
  return {
    convening: new Convening(ports),
    outcomes: new Outcomes(ports),
    acknowledgements: new Acknowledgements(ports),
    chasers: new StrategyChasers(ports),
    record: new StrategyRecord(ports),
    handovers: new Handovers(ports),
  };
}
