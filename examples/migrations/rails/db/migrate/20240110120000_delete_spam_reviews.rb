class DeleteSpamReviews < ActiveRecord::Migration[7.1]
  class Review < ActiveRecord::Base; end

  def up
    Review.where(spam: true).delete_all
  end

  def down
    raise ActiveRecord::IrreversibleMigration, "spam reviews were deleted"
  end
end
