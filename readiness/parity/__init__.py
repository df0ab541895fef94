"""Gender parity: the Uniformed Gender Parity Strategy's targets and where units and countries stand."""
