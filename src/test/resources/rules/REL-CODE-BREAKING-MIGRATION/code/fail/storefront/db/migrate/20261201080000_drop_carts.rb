class DropCarts < ActiveRecord::Migration[7.1]
  def up
    drop_table :carts # relplan:finding
    execute <<~SQL
      UPDATE orders SET channel = 'web' WHERE channel IS NULL;
      ALTER TABLE wishlists RENAME TO saved_items; -- relplan:finding
    SQL
  end
end
