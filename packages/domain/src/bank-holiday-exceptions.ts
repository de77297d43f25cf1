import type { BankHolidayException } from "./bank-holidays.ts";

/**
 * One-off changes to England and Wales bank holidays since 1995, as proclaimed. The live
 * table is data the service keeps; this list seeds it, and a new proclamation is a new row.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS: readonly BankHolidayException[] = [
  { date: "1995-05-01", change: "REMOVED", name: "Early May bank holiday (moved for VE Day)" },
  { date: "1995-05-08", change: "ADDITIONAL", name: "Early May bank holiday (VE Day 50th anniversary)" },
  { date: "1999-12-31", change: "ADDITIONAL", name: "Millennium celebrations" },
  { date: "2002-05-27", change: "REMOVED", name: "Spring bank holiday (moved for the Golden Jubilee)" },
  { date: "2002-06-03", change: "ADDITIONAL", name: "Golden Jubilee bank holiday" },
  { date: "2002-06-04", change: "ADDITIONAL", name: "Spring bank holiday" },
  { date: "2011-04-29", change: "ADDITIONAL", name: "Wedding of Prince William and Catherine Middleton" },
  { date: "2012-05-28", change: "REMOVED", name: "Spring bank holiday (moved for the Diamond Jubilee)" },
  { date: "2012-06-04", change: "ADDITIONAL", name: "Spring bank holiday" },
  { date: "2012-06-05", change: "ADDITIONAL", name: "Queen’s Diamond Jubilee" },
  { date: "2020-05-04", change: "REMOVED", name: "Early May bank holiday (moved for VE Day)" },
  { date: "2020-05-08", change: "ADDITIONAL", name: "Early May bank holiday (VE Day)" },
  { date: "2022-05-30", change: "REMOVED", name: "Spring bank holiday (moved for the Platinum Jubilee)" },
  { date: "2022-06-02", change: "ADDITIONAL", name: "Spring bank holiday" },
  { date: "2022-06-03", change: "ADDITIONAL", name: "Platinum Jubilee bank holiday" },
  { date: "2022-09-19", change: "ADDITIONAL", name: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { date: "2023-05-08", change: "ADDITIONAL", name: "Bank holiday for the coronation of King Charles III" },
];
