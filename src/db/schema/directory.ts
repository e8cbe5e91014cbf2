import { pgTable, text } from 'drizzle-orm/pg-core';

export const localAuthorities = pgTable('local_authorities', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
});
