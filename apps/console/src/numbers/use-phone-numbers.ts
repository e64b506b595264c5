import type { ListedPhoneNumber, NumberList } from "@openwaba/contracts/suite";
import { useEffect, useState } from "react";
import { api } from "../api";
import { formatNumber } from "./phone-number-words";

// The business's numbers as the Cloud API lists them, for pickers and for naming a number by its id.

export type PhoneNumber = ListedPhoneNumber;

export function usePhoneNumbers(): PhoneNumber[] {
  const [numbers, setNumbers] = useState<PhoneNumber[]>([]);
  useEffect(() => {
    void api<NumberList>("GET", "/suite/api/numbers")
      .then((r) => setNumbers(r.data))
      .catch(() => undefined);
  }, []);
  return numbers;
}

export const numberWords = (n: PhoneNumber) => `${formatNumber(n.display_phone_number)} · ${n.verified_name}`;
