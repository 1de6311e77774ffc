export async function seedBillsDemo() { return null; }
