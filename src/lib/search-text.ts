/** Lower case without accents or punctuation: "Ysgol Gymraeg Bro Môn" -> "ysgol gymraeg bro mon". */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}
