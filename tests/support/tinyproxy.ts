// A real tinyproxy for tests: the simulator's runner, used plain (no source-address bind, no Via
// header), named for the probe tests (core/ tests may not import simulator/ directly).

export { findTinyproxy, startTinyproxy, type Tinyproxy } from '../../simulator/tinyproxy';
